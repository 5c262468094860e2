package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the fields of one mapping in the document; each wrong type, missing required
 * field or unknown field becomes a violation at its path.
 */
final class Fields {
  private final ObjectNode node;
  private final Location at;
  private final Violations violations;

  Fields(ObjectNode node, Location at, Violations violations, List<String> allowed) {
    this.node = node;
    this.at = at;
    this.violations = violations;
    rejectUnknown(allowed);
  }

  Location at(String name) {
    return at.field(name);
  }

  Optional<String> text(String name, boolean required, int maxLength) {
    return value(name, required)
        .flatMap(
            value -> {
              if (!value.isTextual()) {
                return invalid(name, "must be a string");
              }
              if (value.asText().isEmpty()) {
                return invalid(name, "must not be empty");
              }
              if (value.asText().length() > maxLength) {
                return invalid(name, "must be at most " + maxLength + " characters");
              }
              return Optional.of(value.asText());
            });
  }

  Optional<String> oneOf(String name, boolean required, List<String> allowed) {
    return value(name, required)
        .flatMap(
            value -> {
              if (!value.isTextual() || !allowed.contains(value.asText())) {
                return invalid(name, "must be one of " + String.join(", ", allowed));
              }
              return Optional.of(value.asText());
            });
  }

  Optional<Boolean> bool(String name) {
    return value(name, false)
        .flatMap(
            value ->
                value.isBoolean()
                    ? Optional.of(value.asBoolean())
                    : invalid(name, "must be true or false"));
  }

  Optional<Long> integer(String name, boolean required, long min, long max) {
    return value(name, required)
        .flatMap(
            value -> {
              if (!isIntegral(value)) {
                return invalid(name, "must be a whole number");
              }
              BigDecimal number = value.decimalValue();
              if (number.compareTo(BigDecimal.valueOf(min)) < 0
                  || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                return invalid(name, "must be between " + min + " and " + max);
              }
              return Optional.of(number.longValue());
            });
  }

  Optional<Double> number(String name, double min, double max) {
    return value(name, false)
        .flatMap(
            value -> {
              if (!value.isNumber()) {
                return invalid(name, "must be a number");
              }
              double number = value.asDouble();
              if (number < min || number > max) {
                return invalid(name, "must be between " + format(min) + " and " + format(max));
              }
              return Optional.of(number);
            });
  }

  Optional<ObjectNode> object(String name, boolean required) {
    return value(name, required)
        .flatMap(
            value ->
                value.isObject()
                    ? Optional.of((ObjectNode) value)
                    : invalid(name, "must be a mapping (object)"));
  }

  Optional<ArrayNode> array(String name, boolean required) {
    return value(name, required)
        .flatMap(
            value ->
                value.isArray() ? Optional.of((ArrayNode) value) : invalid(name, "must be a list"));
  }

  /** The raw value, reporting it as missing when it is required. */
  Optional<JsonNode> value(String name, boolean required) {
    JsonNode value = node.get(name);
    if (value == null) {
      if (required) {
        violations.add(at(name), "is required");
      }
      return Optional.empty();
    }
    return Optional.of(value);
  }

  <T> Optional<T> invalid(String name, String reason) {
    violations.add(at(name), reason);
    return Optional.empty();
  }

  private void rejectUnknown(List<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String hint =
            Suggestions.closest(name, allowed).map(s -> "did you mean " + s + "? ").orElse("");
        violations.add(
            at(name),
            "unknown field; "
                + hint
                + "allowed here: "
                + String.join(", ", allowed.stream().filter(f -> !f.startsWith("$")).toList()));
      }
    }
  }

  /** JSON Schema counts 2.0 as an integer too. */
  private static boolean isIntegral(JsonNode value) {
    return value.isIntegralNumber()
        || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
  }

  private static String format(double number) {
    return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
  }
}
