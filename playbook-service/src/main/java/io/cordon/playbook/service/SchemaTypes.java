package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** JSON-Schema {@code type} values: whether a value has one, and how to say it in words. */
final class SchemaTypes {
  private SchemaTypes() {}

  /** Whether {@code value} has the type (or one of the types) {@code type}; any when absent. */
  static boolean accepts(JsonNode type, JsonNode value) {
    if (type.isMissingNode()) {
      return true;
    }
    for (String name : names(type)) {
      if (has(name, value)) {
        return true;
      }
    }
    return false;
  }

  static List<String> names(JsonNode type) {
    List<String> names = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> names.add(t.asText()));
    } else {
      names.add(type.asText());
    }
    return names;
  }

  /** "a string", "a list", "true/false" ... ; a string's length limit is part of what it is. */
  static String noun(String type, JsonNode schema) {
    return switch (type) {
      case "string" ->
          schema.has("maxLength")
              ? "a string (at most " + schema.get("maxLength").asText() + " characters)"
              : "a string";
      case "array" -> "a list";
      case "object" -> "a mapping (object)";
      case "boolean" -> "true/false";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "null" -> "null";
      default -> type;
    };
  }

  private static boolean has(String type, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      case "boolean" -> value.isBoolean();
      // JSON Schema counts 2.0 as an integer too
      case "integer" ->
          value.isIntegralNumber()
              || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      case "number" -> value.isNumber();
      case "null" -> value.isNull();
      default -> false;
    };
  }
}
