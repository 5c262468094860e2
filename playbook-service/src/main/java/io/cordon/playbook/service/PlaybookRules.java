package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.playbook.model.Identifiers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few rules the playbook JSON Schema cannot state (its description lists them): step ids are
 * unique, durations stay within each field's bounds, and a backoff's max is not shorter than its
 * initial wait. Everything else is the schema's business; these look only at values whose shape the
 * schema accepts, so nothing is reported twice.
 */
final class PlaybookRules {
  static final DurationRules STEP_TIMEOUT = new DurationRules("1s", "24h");
  static final DurationRules APPROVAL_TIMEOUT = new DurationRules("1m", "7d");
  static final DurationRules BACKOFF_INITIAL = new DurationRules("100ms", "1h");
  static final DurationRules BACKOFF_MAX = new DurationRules("100ms", "6h");
  static final DurationRules WAIT_FOR_DELIVERY = new DurationRules("0s", "24h");

  private final SchemaPositions positions;

  PlaybookRules(SchemaPositions positions) {
    this.positions = positions;
  }

  List<Finding> check(JsonNode document) {
    List<Finding> findings = new ArrayList<>();
    JsonNode steps = document.path("steps");
    if (!steps.isArray()) {
      return findings;
    }
    Map<String, Integer> firstUse = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      DocumentPath step = DocumentPath.ROOT.field("steps").index(i);
      JsonNode node = steps.get(i);
      durations(node, step, findings);
      waitForDelivery(node, step, findings);
      JsonNode id = node.path("id");
      if (id.isTextual() && Identifiers.isValid(id.asText())) {
        Integer earlier = firstUse.putIfAbsent(id.asText(), i);
        if (earlier != null) {
          findings.add(
              afterStep(
                  step.field("id"),
                  step,
                  "duplicate step id " + id.asText() + "; steps[" + earlier + "] already uses it"));
        }
      }
    }
    return findings;
  }

  private void durations(JsonNode step, DocumentPath at, List<Finding> findings) {
    bounded(
        step.path("approval").path("timeout"),
        APPROVAL_TIMEOUT,
        at.field("approval").field("timeout"),
        findings);
    JsonNode backoff = step.path("retry").path("backoff");
    DocumentPath backoffAt = at.field("retry").field("backoff");
    bounded(backoff.path("initial"), BACKOFF_INITIAL, backoffAt.field("initial"), findings);
    boolean maxInBounds =
        bounded(backoff.path("max"), BACKOFF_MAX, backoffAt.field("max"), findings);
    Optional<Duration> initial = DurationRules.of(backoff.path("initial"));
    Optional<Duration> max = DurationRules.of(backoff.path("max"));
    if (maxInBounds
        && initial.isPresent()
        && max.isPresent()
        && max.get().compareTo(initial.get()) < 0) {
      findings.add(at(backoffAt.field("max"), "must not be shorter than initial"));
    }
    bounded(step.path("timeout"), STEP_TIMEOUT, at.field("timeout"), findings);
  }

  // only a notify step has deliveries to wait for; on any other step the field would be ignored
  // silently, which hides a mistake
  private void waitForDelivery(JsonNode step, DocumentPath at, List<Finding> findings) {
    JsonNode wait = step.path("waitForDelivery");
    if (wait.isMissingNode()) {
      return;
    }
    JsonNode action = step.path("action");
    if (action.isTextual() && !"NOTIFY_PARTNERS".equals(action.asText())) {
      findings.add(
          at(at.field("waitForDelivery"), "only a NOTIFY_PARTNERS step waits for delivery"));
      return;
    }
    bounded(wait, WAIT_FOR_DELIVERY, at.field("waitForDelivery"), findings);
  }

  /** Adds the bounds problem of {@code value}, if any; answers whether there was none. */
  private boolean bounded(
      JsonNode value, DurationRules rules, DocumentPath field, List<Finding> findings) {
    Optional<String> problem = rules.problem(value);
    problem.ifPresent(reason -> findings.add(at(field, reason)));
    return problem.isEmpty();
  }

  private Finding at(DocumentPath field, String reason) {
    return new Finding(field, reason, positions.of(field));
  }

  /** Listed after everything else wrong with the step: a clash with another step comes last. */
  private Finding afterStep(DocumentPath field, DocumentPath step, String reason) {
    List<Integer> order = new ArrayList<>(positions.of(step));
    order.add(Integer.MAX_VALUE);
    return new Finding(field, reason, order);
  }
}
