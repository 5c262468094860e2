package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the run's preflight does with a step the app registration lacks a Graph permission (or the
 * directory role, for privileged accounts) for.
 */
public enum OnMissingPermission {
  /** The run fails before its first action, naming what is missing (the default). */
  FAIL,
  /**
   * The step is skipped with reason MISSING_PERMISSION (for privileged accounts only, when only the
   * directory role is missing); the rest of the playbook runs.
   */
  SKIP;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static OnMissingPermission fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
