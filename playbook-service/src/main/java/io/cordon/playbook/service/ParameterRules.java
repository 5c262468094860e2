package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/** A step's {@code parameters}: named scalar options handed to the action as text. */
final class ParameterRules {
  /** The pattern the JSON Schema uses for parameter names. */
  static final String NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$";

  static final int MAX_PARAMETERS = 50;
  static final int MAX_VALUE_LENGTH = 1000;
  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

  private ParameterRules() {}

  static void check(ObjectNode parameters, Location at, Violations violations) {
    if (parameters.size() > MAX_PARAMETERS) {
      violations.add(at, "must have at most " + MAX_PARAMETERS + " parameters");
    }
    for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
      Location here = at.field(parameter.getKey());
      if (!NAME.matcher(parameter.getKey()).matches()) {
        violations.add(
            here,
            "parameter names start with a letter and hold up to 64 letters, digits, '_', '.' or '-'");
      } else if (!isValue(parameter.getValue())) {
        violations.add(
            here,
            "must be a string (at most "
                + MAX_VALUE_LENGTH
                + " characters), a number or true/false");
      }
    }
  }

  private static boolean isValue(JsonNode value) {
    return value.isNumber()
        || value.isBoolean()
        || (value.isTextual() && value.asText().length() <= MAX_VALUE_LENGTH);
  }
}
