package io.cordon.contracts.events;

import io.cordon.contracts.OptionalField;
import java.time.Instant;
import java.util.List;

/**
 * What Entra let the app do when account-service published a report, so that a run can be checked
 * before its first write (DESIGN §5 preflight).
 *
 * @param permissions the application permissions in the {@code roles} claim of the app's token
 * @param directoryRoles the directory roles of the app's service principal (template ids and
 *     display names); meaningful only when {@code directoryRolesUnreadable} is absent
 * @param directoryRolesUnreadable why Graph would not show the app's directory roles; absent when
 *     it did
 */
public record GraphAccess(
    List<String> permissions,
    List<String> directoryRoles,
    @OptionalField String directoryRolesUnreadable,
    Instant checkedAt) {

  public GraphAccess {
    permissions = Check.list(permissions, "GraphAccess", "permissions");
    directoryRoles = Check.list(directoryRoles, "GraphAccess", "directoryRoles");
    Check.optionalText(directoryRolesUnreadable, "GraphAccess", "directoryRolesUnreadable");
    Check.required(checkedAt, "GraphAccess", "checkedAt");
  }

  /** Whether Graph showed the app's directory roles. */
  public boolean directoryRolesKnown() {
    return directoryRolesUnreadable == null;
  }
}
