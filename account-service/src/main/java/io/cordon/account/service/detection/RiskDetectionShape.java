package io.cordon.account.service.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.Severity;
import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Indicators of compromise (source {@code entra-risk-detection}, observed at {@code
 * activityDateTime}, which is also the account's first and latest activity), per the riskDetection
 * resource (https://learn.microsoft.com/en-us/graph/api/resources/riskdetection): {@code ipAddress}
 * (IPV4 or IPV6), {@code location} ({@code city, state, countryOrRegion} as one LOCATION), {@code
 * riskEventType} and the {@code userAgent} entry of {@code additionalInfo} (a JSON string of {@code
 * [{"Key":...,"Value":...}]}).
 */
public final class RiskDetectionShape extends SingleOrValueShape {
  private static final ObjectMapper JSON = new ObjectMapper();
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
    Instant at = ActivityTimes.latest(detection, "activityDateTime");
    String level = Nodes.text(detection, "riskLevel");
    Severity severity = "none".equalsIgnoreCase(level) ? Severity.LOW : VendorSeverity.of(level);
    // a risk detection is not an incident: it joins the one already holding its account
    return DetectedItem.of(
            Nodes.text(detection, "id"),
            "Entra ID Protection: " + (eventType == null ? "risk detection" : eventType),
            severity,
            accounts)
        .namingNoIncident()
        .withActivity(at)
        .withEvidence(at, indicators(detection, eventType, at));
  }

  private static List<Indicator> indicators(JsonNode detection, String eventType, Instant at) {
    DetectionIndicators found = new DetectionIndicators(DetectionIndicators.ENTRA_RISK_DETECTION);
    found.addAddress(Nodes.text(detection, "ipAddress"), at);
    found.add(IndicatorType.LOCATION, location(Nodes.object(detection, "location")), at);
    found.add(IndicatorType.RISK_EVENT_TYPE, eventType, at);
    found.add(IndicatorType.USER_AGENT, userAgent(Nodes.text(detection, "additionalInfo")), at);
    return found.list();
  }

  /** "Tokyo, Tokyo, JP" from a signInLocation; null when it names none of the three. */
  private static String location(JsonNode location) {
    List<String> parts = new ArrayList<>();
    for (String field : List.of("city", "state", "countryOrRegion")) {
      String part = Nodes.text(location, field);
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /** The userAgent entry of additionalInfo; null when absent or not readable. */
  private static String userAgent(String additionalInfo) {
    if (additionalInfo == null) {
      return null;
    }
    try {
      JsonNode entries = JSON.readTree(additionalInfo);
      for (JsonNode entry : entries.isArray() ? entries : JSON.createArrayNode()) {
        if ("userAgent".equalsIgnoreCase(Nodes.textIgnoreCase(entry, "Key"))) {
          return Nodes.textIgnoreCase(entry, "Value");
        }
      }
    } catch (JsonProcessingException e) {
      // not JSON after all: no user agent
    }
    return null;
  }
}
