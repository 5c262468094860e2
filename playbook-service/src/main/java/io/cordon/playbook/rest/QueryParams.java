package io.cordon.playbook.rest;

import io.cordon.commons.problem.ProblemException;

/** Whole-number query parameters that answer 400 naming themselves, not a bare 404. */
final class QueryParams {
  private QueryParams() {}

  static Integer integer(String name, String raw, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.invalidField(
        name, "must be a whole number between " + min + " and " + max);
  }
}
