package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A step's {@code retry}: attempts in all and the backoff between them. */
final class RetryRules {
  static final List<String> FIELDS = List.of("maxAttempts", "backoff");
  static final List<String> BACKOFF_FIELDS = List.of("initial", "max", "multiplier");
  static final int MAX_ATTEMPTS = 10;
  static final double MAX_MULTIPLIER = 10;
  static final DurationRules INITIAL = new DurationRules("100ms", "1h");
  static final DurationRules MAX = new DurationRules("100ms", "6h");

  private RetryRules() {}

  static void check(ObjectNode retry, Location at, Violations violations) {
    Fields fields = new Fields(retry, at, violations, FIELDS);
    fields.integer("maxAttempts", true, 1, MAX_ATTEMPTS);
    fields
        .object("backoff", false)
        .ifPresent(backoff -> backoff(backoff, fields.at("backoff"), violations));
  }

  private static void backoff(ObjectNode backoff, Location at, Violations violations) {
    Fields fields = new Fields(backoff, at, violations, BACKOFF_FIELDS);
    Optional<Duration> initial = INITIAL.check(fields, "initial", true);
    Optional<Duration> max = MAX.check(fields, "max", true);
    if (initial.isPresent() && max.isPresent() && max.get().compareTo(initial.get()) < 0) {
      violations.add(fields.at("max"), "must not be shorter than initial");
    }
    fields.number("multiplier", 1, MAX_MULTIPLIER);
  }
}
