package io.cordon.cli.render;

import static io.cordon.cli.render.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * An account's Entra tenant as people read it, the way the dashboard shows it: the configured name
 * with its directory id. Shown only when the accounts are in several tenants or in a named one — a
 * single-tenant deployment's one tenant is named {@value #SINGLE_TENANT} and adds nothing.
 */
final class Tenants {
  static final String SINGLE_TENANT = "default";

  private Tenants() {}

  static boolean shown(Iterable<JsonNode> accounts) {
    Set<String> ids = new HashSet<>();
    for (JsonNode account : accounts) {
      String id = text(account, "tenantId");
      if (id != null) {
        ids.add(id.toLowerCase(Locale.ROOT));
      }
      String name = text(account, "tenantName");
      if (name != null && !name.equals(SINGLE_TENANT)) {
        return true;
      }
    }
    return ids.size() > 1;
  }

  /** {@code contoso (0f0f…)}, or the part that is known; null when neither is. */
  static String label(JsonNode account) {
    String name = text(account, "tenantName");
    String id = text(account, "tenantId");
    if (name != null && id != null) {
      return name + " (" + id + ")";
    }
    return name != null ? name : id;
  }
}
