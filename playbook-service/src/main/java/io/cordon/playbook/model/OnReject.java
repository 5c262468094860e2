package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an approver's rejection does to the step (absent in a playbook: {@link #SKIP}). */
public enum OnReject {
  /** The step is skipped for the account; its later steps go on. */
  SKIP,
  /**
   * The step fails for the account: without {@code continueOnFailure} its later steps do not run (a
   * release that was refused must not go on to dismiss the user's risk).
   */
  FAIL;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static OnReject fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
