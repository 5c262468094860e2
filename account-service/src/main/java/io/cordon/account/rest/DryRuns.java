package io.cordon.account.rest;

import io.cordon.commons.problem.ProblemException;

/** The {@code dryRun} query parameter: absent or {@code false} is a real request. */
final class DryRuns {
  private DryRuns() {}

  static boolean requested(String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.isEmpty() || value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ProblemException.invalidField("dryRun", "must be true or false");
  }
}
