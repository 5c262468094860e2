package io.cordon.notification.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.events.ActionTally;
import java.util.ArrayList;
import java.util.List;

/**
 * The e-mail form of a notice: the same disclosure-filtered content as the webhook, rendered from
 * the stored envelope, with the TLP marking in the subject and at the top and bottom of the text
 * (where TLP 2.0 asks for it).
 */
public final class NoticeMail {

  private NoticeMail() {}

  public record Rendered(String subject, String text) {}

  public static Rendered render(NoticeDocument notice) {
    NoticeDocument.Data data = notice.data();
    return new Rendered(subject(data), text(notice));
  }

  static String subject(NoticeDocument.Data data) {
    String title = data.incident().title() == null ? "" : " - " + oneLine(data.incident().title());
    String kind = data.sequence() == 1 ? "notice" : "follow-up " + (data.sequence() - 1);
    return "["
        + data.tlp()
        + "] Cordon partner "
        + kind
        + ": incident "
        + oneLine(data.incident().id())
        + title;
  }

  private static String text(NoticeDocument notice) {
    NoticeDocument.Data data = notice.data();
    NoticeDocument.Summary summary = data.summary();
    StringBuilder text = new StringBuilder();
    text.append(data.tlp()).append("\n\n");
    text.append("Cordon partner notice ").append(data.noticeId()).append('\n');
    if (data.followUpOf() != null) {
      text.append("Follow-up ")
          .append(data.sequence() - 1)
          .append(" to notice ")
          .append(data.followUpOf())
          .append('\n');
    }
    text.append("For: ").append(data.partner().name()).append('\n');
    text.append("Incident: ").append(data.incident().id());
    if (data.incident().title() != null) {
      text.append(" - ").append(oneLine(data.incident().title()));
    }
    if (data.incident().severity() != null) {
      text.append(" (severity ").append(data.incident().severity()).append(')');
    }
    text.append('\n');
    text.append("Remediation status: ")
        .append(summary.status())
        .append(" (playbook ")
        .append(summary.playbook())
        .append(", started ")
        .append(summary.startedAt());
    if (summary.finishedAt() != null) {
      text.append(", finished ").append(summary.finishedAt());
    }
    text.append(")\n");
    text.append("Compromised accounts in your scope: ")
        .append(summary.accountsInScope())
        .append(" (")
        .append(summary.accountsTotal())
        .append(" in the incident)\n\n");
    exposure(text, data.exposure());
    text.append("Your scopes affected:\n");
    for (NoticeDocument.Scope scope : summary.scopes()) {
      text.append("- ").append(scope.type()).append(' ').append(scope.value());
      if (scope.displayName() != null) {
        text.append(" (").append(scope.displayName()).append(')');
      }
      if (scope.accounts() != null) {
        text.append(": ").append(scope.accounts()).append(" accounts");
      }
      text.append('\n');
    }
    text.append("\nActions taken (succeeded / skipped / needs manual work / failed):\n");
    for (ActionTally action : summary.actions()) {
      text.append("- ")
          .append(action.action())
          .append(": ")
          .append(action.succeeded())
          .append(" / ")
          .append(action.skipped())
          .append(" / ")
          .append(action.requiresManual())
          .append(" / ")
          .append(action.failed())
          .append('\n');
    }
    if (summary.actions().isEmpty()) {
      text.append("- none yet\n");
    }
    List<String> accounts = data.accounts();
    if (accounts != null) {
      text.append("\nAffected accounts in your scope:\n");
      accounts.forEach(upn -> text.append("- ").append(upn).append('\n'));
    }
    indicators(text, data);
    text.append("\nSent ").append(notice.timestamp()).append(" by Cordon.\n\n");
    text.append(data.tlp()).append('\n');
    return text.toString();
  }

  private static void exposure(StringBuilder text, NoticeDocument.Exposure exposure) {
    if (exposure == null) {
      return;
    }
    text.append("Privileged among them: ").append(exposure.privileged()).append('\n');
    if (exposure.status() != null) {
      text.append("Containment: ").append(exposure.status());
      if (exposure.containment() != null) {
        text.append(' ').append(exposure.containment());
      }
      text.append('\n');
    }
    text.append("Compromise window: ")
        .append(exposure.firstActivityAt() == null ? "start unknown" : exposure.firstActivityAt())
        .append(" to ")
        .append(exposure.containedAt() == null ? "not yet closed" : exposure.containedAt())
        .append("\n\n");
  }

  /**
   * The bundle's indicators and observations, plainly ({@code IPV4: 203.0.113.7}), under the
   * notice's TLP marking, which also marks every object of the bundle.
   */
  private static void indicators(StringBuilder text, NoticeDocument.Data data) {
    JsonNode stix = data.stix();
    if (stix == null || !stix.path("objects").isArray()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    List<String> observations = new ArrayList<>();
    for (JsonNode object : stix.path("objects")) {
      switch (object.path("type").asText()) {
        case "indicator" ->
            StixPatterns.typeOf(object.path("pattern").asText())
                .ifPresent(
                    type ->
                        lines.add(
                            type.name()
                                + ": "
                                + oneLine(object.path("name").asText())
                                + seenOn(stix, object.path("id").asText())));
        case "report" ->
            object
                .path("x_cordon_observations")
                .forEach(
                    o ->
                        observations.add(
                            o.path("type").asText() + ": " + oneLine(o.path("value").asText())));
        default -> {
          // identity, report, sightings and markings say nothing a reader needs here
        }
      }
    }
    lines.addAll(observations); // the report comes first in the bundle; its context goes last
    if (lines.isEmpty()) {
      return;
    }
    text.append("\nIndicators of compromise in your scope (")
        .append(data.tlp())
        .append("; the webhook notice carries them as a STIX 2.1 bundle):\n");
    lines.forEach(line -> text.append("- ").append(line).append('\n'));
  }

  private static String seenOn(JsonNode stix, String indicatorId) {
    for (JsonNode object : stix.path("objects")) {
      if ("sighting".equals(object.path("type").asText())
          && indicatorId.equals(object.path("sighting_of_ref").asText())
          && object.has("count")) {
        int count = object.path("count").asInt();
        return " (seen on " + count + (count == 1 ? " account)" : " accounts)");
      }
    }
    return "";
  }

  /** A header must not break into a second line, whatever an incident title contains. */
  private static String oneLine(String value) {
    return value.replaceAll("[\\r\\n\\t]+", " ").strip();
  }
}
