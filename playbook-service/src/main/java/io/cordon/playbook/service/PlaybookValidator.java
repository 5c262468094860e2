package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.playbook.model.Identifiers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a playbook document field by field and reports every violation with its path. It applies
 * the rules of the playbook JSON Schema (contracts, {@code schemas/playbook.v1.schema.json}) plus
 * the few the schema cannot state: unique step ids, duration bounds, backoff max not below initial.
 */
public class PlaybookValidator {
  static final List<String> FIELDS = List.of("$schema", "name", "description", "version", "steps");
  static final int MAX_STEPS = 50;
  static final int MAX_DESCRIPTION = 2000;

  public List<Violation> validate(JsonNode document) {
    Violations violations = new Violations();
    if (document == null || !document.isObject()) {
      violations.add(Location.ROOT, "a playbook must be a mapping (object) with name and steps");
      return violations.list();
    }
    Fields fields = new Fields((ObjectNode) document, Location.ROOT, violations, FIELDS);
    fields.text("$schema", false, Integer.MAX_VALUE);
    fields
        .text("name", true, Integer.MAX_VALUE)
        .filter(name -> !Identifiers.isValid(name))
        .ifPresent(name -> fields.invalid("name", Identifiers.RULE));
    fields.text("description", false, MAX_DESCRIPTION);
    fields.integer("version", false, 1, Integer.MAX_VALUE);
    fields.array("steps", true).ifPresent(steps -> steps(steps, fields.at("steps"), violations));
    return violations.list();
  }

  private static void steps(ArrayNode steps, Location at, Violations violations) {
    if (steps.isEmpty()) {
      violations.add(at, "must list at least one step");
    } else if (steps.size() > MAX_STEPS) {
      violations.add(at, "must list at most " + MAX_STEPS + " steps");
    }
    Map<String, Integer> firstUse = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Location step = at.index(i);
      Optional<String> id = StepValidator.check(steps.get(i), step, violations);
      if (id.isPresent()) {
        Integer earlier = firstUse.putIfAbsent(id.get(), i);
        if (earlier != null) {
          violations.add(
              step.inStep(id.get()).field("id"),
              "duplicate step id " + id.get() + "; steps[" + earlier + "] already uses it");
        }
      }
    }
  }
}
