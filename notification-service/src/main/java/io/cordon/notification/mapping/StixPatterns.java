package io.cordon.notification.mapping;

import io.cordon.contracts.IndicatorType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * STIX 2.1 patterns for the indicator types that name a cyber-observable. Location, risk event type
 * and free text name none: they travel as notes.
 */
public final class StixPatterns {
  // the comparison's left side, per type; the right side is the escaped value
  private static final Map<IndicatorType, String> PATHS =
      Map.of(
          IndicatorType.IPV4, "ipv4-addr:value",
          IndicatorType.IPV6, "ipv6-addr:value",
          IndicatorType.DOMAIN, "domain-name:value",
          IndicatorType.URL, "url:value",
          IndicatorType.SHA256, "file:hashes.'SHA-256'",
          IndicatorType.USER_AGENT,
              "network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'");

  private StixPatterns() {}

  /** Whether indicators of the type become STIX indicators with a pattern. */
  public static boolean hasPattern(IndicatorType type) {
    return PATHS.containsKey(type);
  }

  /** {@code [<object path> = '<escaped value>']}, for a type that {@link #hasPattern has one}. */
  public static String pattern(IndicatorType type, String value) {
    String path = PATHS.get(type);
    if (path == null) {
      throw new IllegalArgumentException("no STIX pattern for " + type);
    }
    return "[" + path + " = '" + escape(normalized(type, value)) + "']";
  }

  /**
   * A string literal of the STIX patterning grammar: {@code '} and {@code \} are the only
   * characters it escapes, each with a backslash.
   */
  public static String escape(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }

  /** Domain names and hex hashes compare without case; the rest as given. */
  static String normalized(IndicatorType type, String value) {
    String trimmed = value.strip();
    return switch (type) {
      case DOMAIN, SHA256 -> trimmed.toLowerCase(Locale.ROOT);
      default -> trimmed;
    };
  }

  /** The indicator type a pattern made here stands for: how the e-mail names it again. */
  public static Optional<IndicatorType> typeOf(String pattern) {
    return PATHS.entrySet().stream()
        .filter(e -> pattern.startsWith("[" + e.getValue() + " = "))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
