package io.cordon.contracts.events;

import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.OptionalField;
import java.time.Instant;

/**
 * An indicator of compromise that evidence named for an account: from a CSV's {@code indicator}
 * column or a detection's IP address, user agent, location or risk event type.
 *
 * @param value as given, trimmed; at most {@value #MAX_VALUE_LENGTH} characters
 * @param observedAt when the evidence saw it; absent when it did not say
 * @param source what named it, e.g. {@code csv}, {@code entra-risk-detection}, {@code defender}
 */
public record Indicator(
    IndicatorType type,
    String value,
    @OptionalField Instant observedAt,
    @OptionalField String source) {

  public static final int MAX_VALUE_LENGTH = 2048;
  private static final String TYPE = "Indicator";

  public Indicator {
    Check.required(type, TYPE, "type");
    Check.text(value, TYPE, "value");
    if (value.length() > MAX_VALUE_LENGTH) {
      throw io.cordon.contracts.EventFormatException.invalidField(
          TYPE, "value", "must be at most " + MAX_VALUE_LENGTH + " characters");
    }
    Check.optionalText(source, TYPE, "source");
  }
}
