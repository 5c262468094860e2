package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.IndicatorType;
import java.time.Instant;

/**
 * Reads the accounts of a Microsoft Graph security alert (alerts_v2): its {@code evidence[]}
 * entries of type {@code #microsoft.graph.security.userEvidence}, identified by {@code
 * userAccount.azureAdUserId} or else {@code userAccount.userPrincipalName}. Other evidence (a
 * process's user context, mailboxes, devices) is not an account to remediate.
 */
final class GraphUserEvidence {
  static final String USER_EVIDENCE = "microsoft.graph.security.userevidence";
  private static final String IP_EVIDENCE = "microsoft.graph.security.ipevidence";
  private static final String URL_EVIDENCE = "microsoft.graph.security.urlevidence";
  private static final String FILE_EVIDENCE = "microsoft.graph.security.fileevidence";

  private GraphUserEvidence() {}

  /**
   * The indicators of compromise an alert's evidence names (source {@code defender}), per the
   * alertEvidence types (https://learn.microsoft.com/en-us/graph/api/resources/security-ipevidence,
   * .../security-urlevidence, .../security-fileevidence): {@code ipEvidence.ipAddress}, {@code
   * urlEvidence.url} and {@code fileEvidence.fileDetails.sha256}.
   *
   * @param observedAt the alert's activity time
   */
  static void indicators(JsonNode alert, Instant observedAt, DetectionIndicators out) {
    JsonNode evidence = Nodes.array(alert, "evidence");
    if (evidence == null) {
      return;
    }
    for (JsonNode item : evidence) {
      String type = Nodes.odataType(item);
      if (IP_EVIDENCE.equals(type)) {
        out.addAddress(Nodes.text(item, "ipAddress"), observedAt);
      } else if (URL_EVIDENCE.equals(type)) {
        out.add(IndicatorType.URL, Nodes.text(item, "url"), observedAt);
      } else if (FILE_EVIDENCE.equals(type)) {
        out.add(
            IndicatorType.SHA256,
            Nodes.text(Nodes.object(item, "fileDetails"), "sha256"),
            observedAt);
      }
    }
  }

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
