package io.cordon.account.service.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.model.EntryRejection;
import io.cordon.commons.problem.ProblemException;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the JSON {@code accounts} array: "upn" | "objectId" | {upn|objectId, tenantId?,
 * firstSeenAt?, indicators?: [{type?, value, observedAt?}]}.
 *
 * <p>A body that breaks the format (an indicator that is no object, a {@code value} that is no
 * string, a {@code type} outside {@link IndicatorType}, a time that is no ISO-8601 time with
 * offset) is refused as a whole, naming the field's path. An indicator value that cannot be kept
 * (too long, control characters, not of its given type) refuses only its entry.
 */
public final class JsonAccountEntries {
  /** The {@link Indicator#source()} of what a JSON report names. */
  static final String INDICATOR_SOURCE = "manual";

  private static final String TIME_RULE =
      "must be an ISO-8601 time with offset, e.g. 2026-12-06T09:15:00Z";
  private static final String TYPES =
      Arrays.stream(IndicatorType.values()).map(Enum::name).collect(Collectors.joining(", "));

  private JsonAccountEntries() {}

  public static ParsedEntries read(List<JsonNode> accounts) {
    List<RawEntry> entries = new ArrayList<>(accounts.size());
    List<EntryRejection> rejections = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      JsonNode node = accounts.get(i);
      String where = "accounts[" + i + "]";
      if (node != null && node.isTextual()) {
        entries.add(new RawEntry(where, node.asText(), null));
      } else if (node != null && node.isObject() && identifier(node) != null) {
        Instant firstSeenAt = time(node.get("firstSeenAt"), where + ".firstSeenAt");
        List<Indicator> indicators = new ArrayList<>();
        String refusal = indicators(node.get("indicators"), where + ".indicators", indicators);
        if (refusal != null) {
          rejections.add(EntryRejection.of(where + ": " + identifier(node), refusal));
          continue;
        }
        entries.add(
            new RawEntry(
                where, identifier(node), text(node, "tenantId"), null, firstSeenAt, indicators));
      } else {
        rejections.add(
            EntryRejection.of(
                where + ": " + node,
                "entry must be a UPN or object id string, or an object with upn or objectId"));
      }
    }
    return new ParsedEntries(entries, rejections);
  }

  /**
   * Reads an entry's indicators into {@code out}; answers why the entry is refused (naming the
   * indicator), or null. A malformed list is a 400.
   */
  private static String indicators(JsonNode list, String path, List<Indicator> out) {
    if (list == null || list.isNull()) {
      return null;
    }
    if (!list.isArray()) {
      throw ProblemException.invalidField(path, "must be an array of {type?, value, observedAt?}");
    }
    if (list.size() > AccountIdentifier.MAX_INDICATORS) {
      throw ProblemException.invalidField(
          path, "at most " + AccountIdentifier.MAX_INDICATORS + " indicators per account");
    }
    String refusal = null;
    for (int j = 0; j < list.size(); j++) {
      JsonNode item = list.get(j);
      String at = path + "[" + j + "]";
      if (item == null || !item.isObject()) {
        throw ProblemException.invalidField(at, "must be an object {type?, value, observedAt?}");
      }
      JsonNode value = item.get("value");
      if (value == null || !value.isTextual()) {
        throw ProblemException.invalidField(at + ".value", "must be a string");
      }
      IndicatorType type = type(item.get("type"), at + ".type");
      Instant observedAt = time(item.get("observedAt"), at + ".observedAt");
      String text = value.asText().strip();
      String field = at.substring(at.indexOf(".indicators") + 1) + ".value";
      String problem = IndicatorClassifier.refusal(text);
      if (problem == null && type != null && !IndicatorClassifier.fits(type, text)) {
        problem = "is not a valid " + type;
      }
      if (problem != null) {
        refusal = refusal == null ? field + " " + problem : refusal;
        continue;
      }
      out.add(
          new Indicator(
              type != null ? type : IndicatorClassifier.classify(text),
              text,
              observedAt,
              INDICATOR_SOURCE));
    }
    return refusal;
  }

  private static IndicatorType type(JsonNode type, String path) {
    if (type == null || type.isNull()) {
      return null;
    }
    if (type.isTextual()) {
      try {
        return IndicatorType.valueOf(type.asText().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // refused below
      }
    }
    throw ProblemException.invalidField(path, "must be one of " + TYPES);
  }

  private static Instant time(JsonNode time, String path) {
    if (time == null || time.isNull()) {
      return null;
    }
    if (time.isTextual()) {
      try {
        return OffsetDateTime.parse(time.asText().strip()).toInstant();
      } catch (DateTimeParseException e) {
        // refused below
      }
    }
    throw ProblemException.invalidField(path, TIME_RULE);
  }

  private static String identifier(JsonNode node) {
    String upn = text(node, "upn");
    return upn != null ? upn : text(node, "objectId");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
