package io.cordon.playbook.service;

import io.cordon.playbook.model.DurationSpec;
import java.time.Duration;
import java.util.Optional;

/** Durations: the syntax the schema checks, and the bounds only this validator checks. */
final class DurationRules {
  static final String SYNTAX =
      "must be a duration such as 30s, 15m, 2h, 1d or ISO-8601 PT15M (a number and one unit)";

  private final Duration min;
  private final Duration max;
  private final String bounds;

  DurationRules(String min, String max) {
    this.min = DurationSpec.parse(min).value();
    this.max = DurationSpec.parse(max).value();
    this.bounds = "must be between " + min + " and " + max;
  }

  Optional<Duration> check(Fields fields, String name, boolean required) {
    return fields
        .value(name, required)
        .flatMap(
            value -> {
              Optional<DurationSpec> parsed =
                  value.isTextual() ? DurationSpec.tryParse(value.asText()) : Optional.empty();
              if (parsed.isEmpty()) {
                return fields.invalid(name, SYNTAX);
              }
              Duration duration = parsed.get().value();
              if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
                return fields.invalid(name, bounds);
              }
              return Optional.of(duration);
            });
  }
}
