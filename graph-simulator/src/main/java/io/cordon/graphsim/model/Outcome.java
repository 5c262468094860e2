package io.cordon.graphsim.model;

import java.util.List;

/**
 * What an operation did: the answer, the action name the journal uses, the users it concerned and
 * whether it changed state.
 */
public record Outcome(
    GraphResponse response, String action, List<String> userIds, boolean effective) {

  public static Outcome read(GraphResponse response, String action, String userId) {
    return new Outcome(response, action, userId == null ? List.of() : List.of(userId), false);
  }

  public static Outcome write(GraphResponse response, String action, List<String> userIds) {
    return new Outcome(response, action, userIds, response.success());
  }
}
