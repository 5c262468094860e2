package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * A Microsoft Entra ID Protection {@code riskDetection} ({@code GET
 * /identityProtection/riskDetections/{id}}, or a list as {@code {value:[...]}}): the account is
 * {@code userId}, else {@code userPrincipalName}; the incident is the detection's id, titled by its
 * {@code riskEventType}; {@code riskLevel} gives the severity (none is LOW, hidden the default).
 * Detections an administrator or the user already settled (riskState {@code dismissed}, {@code
 * confirmedSafe}, {@code remediated}) are refused with that reason: a listing of past detections
 * must not revoke sessions again.
 */
public final class RiskDetectionShape extends SingleOrValueShape {
  private static final Set<String> SETTLED = Set.of("dismissed", "confirmedsafe", "remediated");

  @Override
  public String source() {
    return "entra-id-protection";
  }

  @Override
  public String name() {
    return "Microsoft Entra ID Protection risk detection";
  }

  @Override
  public String description() {
    return "Microsoft Entra ID Protection riskDetection (userId, userPrincipalName, riskEventType,"
        + " riskLevel) as one object or {value:[...]}";
  }

  @Override
  boolean matchesItem(JsonNode item) {
    String type = Nodes.odataType(item);
    if (type != null) {
      return type.equals("microsoft.graph.riskdetection");
    }
    return Nodes.has(item, "riskEventType")
        && (Nodes.has(item, "userId") || Nodes.has(item, "userPrincipalName"));
  }

  @Override
  DetectedItem parseItem(JsonNode detection, String path) {
    AccountCollector accounts = new AccountCollector();
    String where = path.isEmpty() ? "riskDetection" : path;
    String userId = Nodes.text(detection, "userId");
    String upn = Nodes.text(detection, "userPrincipalName");
    String state = Nodes.text(detection, "riskState");
    if (state != null && SETTLED.contains(state.toLowerCase(Locale.ROOT))) {
      accounts.reject(
          where, upn != null ? upn : userId, "risk state is " + state + ": nothing to remediate");
    } else {
      accounts.add(where, userId, upn, null, Nodes.text(detection, "userDisplayName"));
    }
    String eventType = Nodes.text(detection, "riskEventType");
    String level = Nodes.text(detection, "riskLevel");
    Severity severity = "none".equalsIgnoreCase(level) ? Severity.LOW : VendorSeverity.of(level);
    // a risk detection is not an incident: it joins the one already holding its account
    return DetectedItem.of(
            Nodes.text(detection, "id"),
            "Entra ID Protection: " + (eventType == null ? "risk detection" : eventType),
            severity,
            accounts)
        .namingNoIncident()
        .withActivity(ActivityTimes.latest(detection, "activityDateTime"));
  }
}
