package io.cordon.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Traffic Light Protocol 2.0 marking carried by every partner notice. */
public enum Tlp {
  CLEAR,
  GREEN,
  AMBER,
  AMBER_STRICT,
  RED;

  /** The marking as TLP 2.0 writes it, e.g. {@code TLP:AMBER+STRICT}. */
  public String label() {
    return "TLP:" + name().replace('_', '+');
  }

  /**
   * Accepts the enum name and the spellings people use: {@code amber}, {@code amber+strict}, {@code
   * amber-strict}, {@code TLP:AMBER+STRICT}, and TLP 1.0's {@code white}.
   */
  @JsonCreator
  public static Tlp parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "tlp must be one of clear, green, amber, amber+strict, red");
    }
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    if (normalized.startsWith("TLP:")) {
      normalized = normalized.substring("TLP:".length()).trim();
    }
    normalized = normalized.replace('+', '_').replace('-', '_').replace(' ', '_');
    if (normalized.equals("WHITE")) {
      return CLEAR; // TLP 1.0 name, still common in partner agreements
    }
    try {
      return valueOf(normalized);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tlp must be one of clear, green, amber, amber+strict, red but was '" + value + "'");
    }
  }
}
