package io.cordon.playbook.rest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/runs}.
 *
 * @param playbook null for the default playbook ({@code cordon.playbook.default})
 * @param severity LOW, MEDIUM, HIGH or CRITICAL; optional
 */
public record StartRunRequest(
    String playbook,
    String incidentId,
    String incidentTitle,
    String severity,
    List<Account> accounts) {

  /**
   * An account as a detection or Graph resolved it.
   *
   * @param userType Member (default) or Guest
   * @param privilegedRoles display names of its directory roles; any makes it privileged
   */
  public record Account(
      String objectId,
      String userPrincipalName,
      String tenantId,
      String userType,
      Boolean onPremisesSynced,
      List<String> privilegedRoles,
      List<Group> groups) {}

  public record Group(String id, String displayName) {}
}
