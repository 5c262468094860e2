package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A step's {@code when}: conditions on the account's facts. */
final class WhenRules {
  static final List<String> FIELDS = List.of("privileged", "synced", "guest", "groups", "tenant");
  static final int MAX_VALUES = 100;
  static final int MAX_VALUE_LENGTH = 256;

  private WhenRules() {}

  static void check(ObjectNode when, Location at, Violations violations) {
    Fields fields = new Fields(when, at, violations, FIELDS);
    if (when.isEmpty()) {
      violations.add(at, "must name at least one condition: " + String.join(", ", FIELDS));
    }
    fields.bool("privileged");
    fields.bool("synced");
    fields.bool("guest");
    fields
        .array("groups", false)
        .ifPresent(groups -> values(groups, fields.at("groups"), violations));
    fields
        .value("tenant", false)
        .ifPresent(
            tenant -> {
              if (tenant.isArray()) {
                values((ArrayNode) tenant, fields.at("tenant"), violations);
              } else if (!isValue(tenant)) {
                violations.add(
                    fields.at("tenant"),
                    "must be a tenant id or domain, or a list of them (1-"
                        + MAX_VALUE_LENGTH
                        + " characters each)");
              }
            });
  }

  private static void values(ArrayNode values, Location at, Violations violations) {
    if (values.isEmpty() || values.size() > MAX_VALUES) {
      violations.add(at, "must list 1 to " + MAX_VALUES + " values");
    }
    for (int i = 0; i < values.size(); i++) {
      if (!isValue(values.get(i))) {
        violations.add(
            at.index(i),
            "must be a non-empty string of at most " + MAX_VALUE_LENGTH + " characters");
      }
    }
  }

  private static boolean isValue(JsonNode value) {
    return value.isTextual()
        && !value.asText().isEmpty()
        && value.asText().length() <= MAX_VALUE_LENGTH;
  }
}
