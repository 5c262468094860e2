package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happens to a step whose approval nobody gave in time. */
public enum OnTimeout {
  /** The step is skipped for the account; its later steps go on. */
  SKIP,
  /** The step fails for the account. */
  FAIL,
  /** The step runs as if approved. */
  APPROVE;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static OnTimeout fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
