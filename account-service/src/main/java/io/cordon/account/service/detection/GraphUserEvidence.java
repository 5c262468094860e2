package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the accounts of a Microsoft Graph security alert (alerts_v2): its {@code evidence[]}
 * entries of type {@code #microsoft.graph.security.userEvidence}, identified by {@code
 * userAccount.azureAdUserId} or else {@code userAccount.userPrincipalName}. Other evidence (a
 * process's user context, mailboxes, devices) is not an account to remediate.
 */
final class GraphUserEvidence {
  static final String USER_EVIDENCE = "microsoft.graph.security.userevidence";

  private GraphUserEvidence() {}

  /**
   * @param alert the alert object
   * @param path the alert's path in the payload
   * @param fallbackTenant the tenant to assume when the alert names none (an incident's)
   */
  static void collect(JsonNode alert, String path, String fallbackTenant, AccountCollector out) {
    JsonNode evidence = Nodes.array(alert, "evidence");
    if (evidence == null) {
      return;
    }
    String alertTenant = Nodes.text(alert, "tenantId");
    String tenant = alertTenant != null ? alertTenant : fallbackTenant;
    for (int i = 0; i < evidence.size(); i++) {
      JsonNode item = evidence.get(i);
      if (!USER_EVIDENCE.equals(Nodes.odataType(item))) {
        continue;
      }
      String where = Nodes.at(path, "evidence[" + i + "]");
      JsonNode account = Nodes.object(item, "userAccount");
      if (account == null) {
        out.reject(where, null, "user evidence without userAccount");
        continue;
      }
      out.add(
          where,
          Nodes.text(account, "azureAdUserId"),
          Nodes.text(account, "userPrincipalName"),
          tenant,
          AccountCollector.describe(
              Nodes.text(account, "domainName"),
              Nodes.text(account, "accountName"),
              Nodes.text(account, "displayName")));
    }
  }
}
