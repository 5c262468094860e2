package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An approver's answer. */
public enum Decision {
  APPROVE,
  REJECT;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Decision fromWire(String value) {
    if (value == null) {
      throw new IllegalArgumentException("decision must be one of approve, reject");
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "decision must be one of approve, reject but was '" + value + "'");
    }
  }
}
