package io.cordon.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Run states as playbook-service names them (the {@code RunState} enum in contracts; not imported,
 * because contracts brings the Kafka client with it).
 */
public final class RunStates {
  public static final Set<String> FINAL =
      Set.of("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED");
  public static final String WAITING_APPROVAL = "WAITING_APPROVAL";

  private RunStates() {}

  public static boolean isFinal(JsonNode run) {
    return FINAL.contains(run.path("state").asText());
  }

  public static boolean isWaitingForApproval(JsonNode run) {
    return WAITING_APPROVAL.equals(run.path("state").asText());
  }

  /**
   * A final run failed when it ended FAILED or CANCELLED, or any execution failed. Manual work
   * (PARTIALLY_SUCCEEDED with REQUIRES_MANUAL only) is not a failure: the summary lists it.
   */
  public static boolean failed(JsonNode run) {
    String state = run.path("state").asText();
    return state.equals("FAILED")
        || state.equals("CANCELLED")
        || run.path("counts").path("FAILED").asInt() > 0;
  }
}
