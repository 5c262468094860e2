package io.cordon.contracts.events;

import io.cordon.contracts.EventFormatException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Validation shared by the compact constructors; failures name the record and the field. */
final class Check {

  private Check() {}

  static void schemaVersion(int actual, int supported, String type) {
    if (actual != supported) {
      // a new major version may change meaning; guessing would be worse than refusing
      throw EventFormatException.invalidField(
          type,
          "schemaVersion",
          "unsupported version " + actual + ", this reader understands " + supported);
    }
  }

  static <T> T required(T value, String type, String field) {
    if (value == null) {
      throw EventFormatException.missingField(type, field);
    }
    return value;
  }

  static String text(String value, String type, String field) {
    if (required(value, type, field).isBlank()) {
      throw EventFormatException.invalidField(type, field, "must not be blank");
    }
    return value;
  }

  static String optionalText(String value, String type, String field) {
    if (value != null && value.isBlank()) {
      throw EventFormatException.invalidField(type, field, "must not be blank when present");
    }
    return value;
  }

  static int atLeast(int value, int minimum, String type, String field) {
    if (value < minimum) {
      throw EventFormatException.invalidField(
          type, field, "must be at least " + minimum + " but was " + value);
    }
    return value;
  }

  static <T> List<T> list(List<T> value, String type, String field) {
    return copy(required(value, type, field), type, field);
  }

  static <T> List<T> optionalList(List<T> value, String type, String field) {
    return value == null ? List.of() : copy(value, type, field);
  }

  static Map<String, String> optionalMap(Map<String, String> value, String type, String field) {
    if (value == null) {
      return Map.of();
    }
    // immutable maps throw on containsKey(null), so look at the entries instead
    if (value.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
      throw EventFormatException.invalidField(type, field, "must not contain null keys or values");
    }
    return Map.copyOf(value);
  }

  private static <T> List<T> copy(List<T> value, String type, String field) {
    if (value.stream().anyMatch(Objects::isNull)) {
      throw EventFormatException.invalidField(type, field, "must not contain null elements");
    }
    return List.copyOf(value);
  }
}
