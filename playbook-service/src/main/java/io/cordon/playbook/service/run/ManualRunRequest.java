package io.cordon.playbook.service.run;

import java.util.List;

/**
 * A run as {@code POST /runs} asks for it: which accounts, by object id only. Every fact about them
 * (UPN, type, sync, roles, groups) is read from the directory by account-service.
 *
 * @param playbook null for the default playbook
 * @param severity LOW, MEDIUM, HIGH or CRITICAL; null when not given
 */
public record ManualRunRequest(
    String playbook,
    String incidentId,
    String incidentTitle,
    String severity,
    List<Account> accounts) {

  public ManualRunRequest {
    accounts = List.copyOf(accounts);
  }

  /**
   * @param objectId an Entra object id (GUID), lower case
   * @param tenantId the tenant to read it from; null for the configured one
   */
  public record Account(String objectId, String tenantId) {}
}
