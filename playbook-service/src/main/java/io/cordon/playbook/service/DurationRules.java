package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.playbook.model.DurationSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * The bounds of one duration field. The schema checks a duration's syntax (a pattern) but cannot
 * compare amounts written in different units, so the bounds are checked here.
 */
final class DurationRules {
  /** The reason the schema's duration syntax is refused with. */
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

  /** The duration a value holds; empty when it holds none (the schema reports that). */
  static Optional<Duration> of(JsonNode value) {
    return value.isTextual()
        ? DurationSpec.tryParse(value.asText()).map(DurationSpec::value)
        : Optional.empty();
  }

  /** Why the value is out of bounds; empty when it is within them or is no duration. */
  Optional<String> problem(JsonNode value) {
    return of(value)
        .filter(duration -> duration.compareTo(min) < 0 || duration.compareTo(max) > 0)
        .map(duration -> bounds);
  }
}
