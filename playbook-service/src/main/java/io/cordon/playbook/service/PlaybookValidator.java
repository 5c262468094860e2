package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a playbook document against the playbook JSON Schema of {@code contracts} (through {@link
 * PlaybookSchema}, a JSON-Schema validator) plus the few rules the schema cannot state ({@link
 * PlaybookRules}), and reports every problem with its path, in the schema's order, one per field.
 */
public class PlaybookValidator {
  private static final int MAX_LABEL = 64;

  private final PlaybookSchema schema;
  private final SchemaReasons reasons;
  private final SchemaPositions positions;
  private final PlaybookRules rules;

  /** Validates against the schema {@code contracts} ships. */
  public PlaybookValidator() {
    this(PlaybookSchema.contract());
  }

  PlaybookValidator(PlaybookSchema schema) {
    this.schema = schema;
    this.reasons = new SchemaReasons(schema.root());
    this.positions = new SchemaPositions(schema.root());
    this.rules = new PlaybookRules(positions);
  }

  public List<Violation> validate(JsonNode document) {
    if (document == null || !document.isObject()) {
      return List.of(
          new Violation(
              DocumentPath.ROOT.text(),
              null,
              "a playbook must be a mapping (object) with name and steps"));
    }
    List<Finding> findings = new ArrayList<>();
    for (SchemaError error : schema.check(document)) {
      findings.add(
          new Finding(error.field(), reasons.reason(error, document), positions.of(error.field())));
    }
    findings.addAll(rules.check(document));
    // stable: on one field the schema's error (its type, say) comes before what follows from it
    findings.sort(Finding::compare);
    Set<DocumentPath> named = new HashSet<>();
    List<Violation> violations = new ArrayList<>();
    for (Finding finding : findings) {
      if (named.add(finding.field())) {
        violations.add(
            new Violation(finding.field().text(), stepLabel(finding, document), finding.reason()));
      }
    }
    return List.copyOf(violations);
  }

  /** The id the author gave the step the field is in, shortened, for "steps[2] (reset)". */
  private static String stepLabel(Finding finding, JsonNode document) {
    return finding
        .field()
        .stepIndex()
        .map(i -> document.path("steps").path(i).path("id"))
        .filter(id -> id.isTextual() && !id.asText().isBlank())
        .map(JsonNode::asText)
        .map(id -> id.length() > MAX_LABEL ? id.substring(0, MAX_LABEL) + "..." : id)
        .orElse(null);
  }
}
