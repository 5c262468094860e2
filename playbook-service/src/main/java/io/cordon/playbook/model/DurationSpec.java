package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as the playbook author wrote it ({@code 30m}, {@code 2h}, {@code PT30M}) and its
 * value. The text is kept so that a playbook reads back the way it was written.
 */
public record DurationSpec(String text, Duration value) {

  /**
   * A number with one unit (ms, s, m, h, d), or an ISO-8601 duration of days, hours, minutes and
   * seconds. The playbook JSON Schema uses the same pattern.
   */
  public static final String PATTERN =
      "^(?:[0-9]+(?:ms|s|m|h|d)|P(?=[0-9]|T[0-9])(?:[0-9]+D)?"
          + "(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\\.[0-9]{1,9})?S)?)?)$";

  private static final Pattern SYNTAX = Pattern.compile(PATTERN);
  private static final Pattern SHORT = Pattern.compile("^([0-9]+)(ms|s|m|h|d)$");

  @JsonValue
  @Override
  public String text() {
    return text;
  }

  /** Reads a duration, or throws IllegalArgumentException naming the accepted forms. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DurationSpec parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () -> new IllegalArgumentException("not a duration such as 30m, 2h or PT30M: " + text));
  }

  /** Empty when the text is not a duration of the accepted forms or does not fit a Duration. */
  public static Optional<DurationSpec> tryParse(String text) {
    if (text == null || !SYNTAX.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DurationSpec(text, valueOf(text)));
    } catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration valueOf(String text) {
    Matcher shortForm = SHORT.matcher(text);
    if (!shortForm.matches()) {
      return Duration.parse(text);
    }
    long amount = Long.parseLong(shortForm.group(1));
    return switch (shortForm.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
