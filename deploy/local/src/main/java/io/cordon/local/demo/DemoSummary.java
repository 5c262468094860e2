package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table printed at the end of a demo: per action, then per partner. */
public final class DemoSummary {
  private DemoSummary() {}

  public static List<String> lines(DemoOutcome outcome) {
    List<String> lines = new ArrayList<>();
    JsonNode run = outcome.run();
    lines.add("");
    lines.add(
        String.format(
            "Incident %s: run %s %s, %d accounts, %.1f s from submission to summary",
            outcome.incidentId(),
            run.path("id").asText(),
            run.path("state").asText(),
            run.path("accounts").asInt(),
            outcome.wallTime().toMillis() / 1000.0));
    lines.add(
        String.format(
            "  %-26s %9s %7s %8s %7s", "step", "succeeded", "manual", "skipped", "failed"));
    for (JsonNode step : run.path("steps")) {
      JsonNode counts = step.path("counts");
      lines.add(
          String.format(
              "  %-26s %9d %7d %8d %7d",
              step.path("id").asText(),
              counts.path("SUCCEEDED").asInt(),
              counts.path("REQUIRES_MANUAL").asInt(),
              counts.path("SKIPPED").asInt(),
              counts.path("FAILED").asInt()));
    }
    lines.add("  approvals: " + outcome.approvals().size() + " decided by a second person");
    lines.add("Partners:");
    for (Map.Entry<String, JsonNode> partner : outcome.partners().entrySet()) {
      PartnerInbox inbox = outcome.inboxes().get(partner.getKey());
      int ids = inbox == null ? 0 : inbox.webhookIds().size();
      lines.add(
          String.format(
              "  %-30s %s",
              partner.getValue().path("name").asText(),
              ids == 0 ? "not affected, no notice" : ids + " signed notice(s) verified"));
      if (inbox != null && !inbox.notices().isEmpty()) {
        lines.add("  " + " ".repeat(30) + " " + exposure(last(inbox.notices())));
      }
    }
    return lines;
  }

  private static JsonNode last(List<JsonNode> notices) {
    JsonNode latest = notices.get(0);
    for (JsonNode notice : notices) {
      if (notice.at("/data/sequence").asInt() > latest.at("/data/sequence").asInt()) {
        latest = notice;
      }
    }
    return latest;
  }

  /** What the partner's latest notice told it: its exposure and its STIX indicators. */
  static String exposure(JsonNode notice) {
    JsonNode exposure = notice.at("/data/exposure");
    int indicators = 0;
    for (JsonNode object : notice.at("/data/stix/objects")) {
      indicators += "indicator".equals(object.path("type").asText()) ? 1 : 0;
    }
    return String.format(
        "%s: %d account(s) in scope, %d privileged, %s; STIX: %d indicator(s)",
        notice.at("/data/tlp").asText("TLP:?"),
        exposure.path("accounts").asInt(),
        exposure.path("privileged").asInt(),
        exposure.path("status").asText("status unknown"),
        indicators);
  }
}
