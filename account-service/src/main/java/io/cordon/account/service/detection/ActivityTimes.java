package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The activity time a detection states for its accounts: the latest of the named fields that holds
 * an ISO-8601 time. Playbook-service compares it with an account's containment time; a time that
 * cannot be read is treated as absent (never as activity after a containment).
 */
final class ActivityTimes {
  private ActivityTimes() {}

  static Instant latest(JsonNode node, String... fields) {
    Instant latest = null;
    for (String field : fields) {
      latest = later(latest, parse(Nodes.text(node, field)));
    }
    return latest;
  }

  /**
   * The earliest of the named fields that holds an ISO-8601 time: when the attacker was seen first.
   */
  static Instant earliest(JsonNode node, String... fields) {
    Instant earliest = null;
    for (String field : fields) {
      earliest = earlier(earliest, parse(Nodes.text(node, field)));
    }
    return earliest;
  }

  static Instant earlier(Instant one, Instant other) {
    if (one == null) {
      return other;
    }
    return other != null && other.isBefore(one) ? other : one;
  }

  static Instant later(Instant one, Instant other) {
    if (one == null) {
      return other;
    }
    return other != null && other.isAfter(one) ? other : one;
  }

  private static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        // Defender's streaming Timestamp and Sentinel's times may come without an offset: UTC
        return Instant.parse(text.strip() + (text.strip().endsWith("Z") ? "" : "Z"));
      } catch (DateTimeParseException notATime) {
        return null;
      }
    }
  }
}
