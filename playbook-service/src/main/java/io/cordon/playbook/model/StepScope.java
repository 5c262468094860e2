package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a step runs for each account or once for the whole run. */
public enum StepScope {
  ACCOUNT,
  RUN;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static StepScope fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
