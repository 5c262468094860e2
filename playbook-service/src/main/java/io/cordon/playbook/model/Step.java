package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cordon.contracts.ActionType;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One action of a playbook, run per account (default) or once per run.
 *
 * @param when conditions on the account's facts; null runs the step for every account
 * @param approval a person must approve before the action runs; null needs none
 * @param retry how often the action is requested again when an attempt fails or times out
 * @param timeout how long one attempt may take; null leaves it to the engine's default
 * @param continueOnFailure whether the account's later steps still run when this one fails
 * @param parameters options passed to the action as text; sorted by name
 * @param onMissingPermission what the run's preflight does when the app lacks what this step needs;
 *     null fails the run
 * @param waitForDelivery NOTIFY_PARTNERS only: how long the step waits for the partners' delivery
 *     results before it ends anyway (delivery goes on); null leaves it to the engine's default,
 *     zero ends the step once the request is handed over
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(
    String id,
    ActionType action,
    StepScope scope,
    Condition when,
    Approval approval,
    Retry retry,
    DurationSpec timeout,
    boolean continueOnFailure,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> parameters,
    OnMissingPermission onMissingPermission,
    DurationSpec waitForDelivery) {

  /** A step whose missing permission fails the run. */
  public Step(
      String id,
      ActionType action,
      StepScope scope,
      Condition when,
      Approval approval,
      Retry retry,
      DurationSpec timeout,
      boolean continueOnFailure,
      Map<String, String> parameters) {
    this(
        id,
        action,
        scope,
        when,
        approval,
        retry,
        timeout,
        continueOnFailure,
        parameters,
        null,
        null);
  }

  /** Whether the preflight skips this step, rather than failing the run, when it cannot run. */
  public boolean skipsWhenNotPermitted() {
    return onMissingPermission == OnMissingPermission.SKIP;
  }

  public Step {
    scope = scope == null ? StepScope.ACCOUNT : scope;
    parameters =
        parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
  }
}
