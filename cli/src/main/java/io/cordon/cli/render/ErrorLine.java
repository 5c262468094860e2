package io.cordon.cli.render;

import io.cordon.cli.client.ApiProblem;
import java.util.stream.Collectors;

/** A problem document as one line: {@code error: <title>: <detail> (field a, b)}. */
public final class ErrorLine {
  private ErrorLine() {}

  public static String of(ApiProblem problem) {
    StringBuilder line = new StringBuilder("error: ").append(oneLine(problem.title()));
    if (problem.detail() != null && !problem.detail().isBlank()) {
      line.append(": ").append(oneLine(problem.detail()));
    }
    String fields =
        problem.errors().stream()
            .map(ApiProblem.FieldError::field)
            .filter(field -> field != null && !field.isBlank())
            .distinct()
            .collect(Collectors.joining(", "));
    if (!fields.isEmpty()) {
      line.append(" (field ").append(oneLine(fields)).append(')');
    }
    return line.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }
}
