package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.contracts.ActionType;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.Identifiers;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One step: its own fields, and which actions may run once per run. */
final class StepValidator {
  static final List<String> FIELDS =
      List.of(
          "id",
          "action",
          "scope",
          "when",
          "approval",
          "retry",
          "timeout",
          "continueOnFailure",
          "parameters");
  static final List<String> ACTIONS = Arrays.stream(ActionType.values()).map(Enum::name).toList();
  static final List<String> SCOPES = List.of("account", "run");
  static final DurationRules TIMEOUT = new DurationRules("1s", "24h");

  private static final List<String> RUN_LEVEL =
      ActionScopes.RUN_LEVEL.stream().map(Enum::name).sorted().toList();
  private static final int MAX_LABEL = 64;

  private StepValidator() {}

  /** Checks one step; answers its id when the id is valid, for the duplicate check. */
  static Optional<String> check(JsonNode node, Location at, Violations violations) {
    if (!node.isObject()) {
      violations.add(at, "must be a mapping (object) with at least id and action");
      return Optional.empty();
    }
    ObjectNode step = (ObjectNode) node;
    Fields fields = new Fields(step, at.inStep(label(step)), violations, FIELDS);

    Optional<String> id = fields.text("id", true, Integer.MAX_VALUE);
    id.filter(value -> !Identifiers.isValid(value))
        .ifPresent(value -> fields.invalid("id", Identifiers.RULE));
    fields.text("action", true, Integer.MAX_VALUE).ifPresent(action -> action(action, fields));
    Optional<String> scope = fields.oneOf("scope", false, SCOPES);
    scope(step, scope, fields);
    fields.object("when", false).ifPresent(w -> WhenRules.check(w, fields.at("when"), violations));
    fields
        .object("approval", false)
        .ifPresent(a -> ApprovalRules.check(a, fields.at("approval"), violations));
    fields
        .object("retry", false)
        .ifPresent(r -> RetryRules.check(r, fields.at("retry"), violations));
    TIMEOUT.check(fields, "timeout", false);
    fields.bool("continueOnFailure");
    fields
        .object("parameters", false)
        .ifPresent(p -> ParameterRules.check(p, fields.at("parameters"), violations));
    return id.filter(Identifiers::isValid);
  }

  private static void action(String action, Fields fields) {
    if (!ACTIONS.contains(action)) {
      fields.invalid(
          "action",
          "unknown action "
              + (action.length() > MAX_LABEL ? action.substring(0, MAX_LABEL) + "..." : action)
              + Suggestions.hint(action, ACTIONS)
              + "; must be one of "
              + String.join(", ", ACTIONS));
    }
  }

  /**
   * {@code scope: run} only for run-level actions, and NOTIFY_PARTNERS only with it (the schema's
   * two if/then rules, to the letter).
   */
  private static void scope(ObjectNode step, Optional<String> scope, Fields fields) {
    JsonNode action = step.get("action");
    if (action == null) {
      return;
    }
    String actionName = action.isTextual() ? action.asText() : "";
    boolean runLevel = RUN_LEVEL.contains(actionName);
    if (scope.filter("run"::equals).isPresent() && !runLevel) {
      fields.invalid(
          "scope",
          "run is only for run-level actions ("
              + String.join(", ", RUN_LEVEL)
              + "); "
              + (ACTIONS.contains(actionName) ? actionName : "this action")
              + " runs per account");
    }
    boolean runOnly = ActionScopes.RUN_ONLY.stream().map(Enum::name).anyMatch(actionName::equals);
    if (runOnly && step.get("scope") == null) {
      fields.invalid("scope", "is required: " + actionName + " runs once per run, set scope: run");
    } else if (runOnly && scope.filter("account"::equals).isPresent()) {
      fields.invalid("scope", actionName + " runs once per run, set scope: run");
    }
  }

  private static String label(ObjectNode step) {
    JsonNode id = step.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      return null;
    }
    String text = id.asText();
    return text.length() > MAX_LABEL ? text.substring(0, MAX_LABEL) + "..." : text;
  }
}
