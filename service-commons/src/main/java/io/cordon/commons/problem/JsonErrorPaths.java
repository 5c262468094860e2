package io.cordon.commons.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns framework error locations into the field paths a client sent ("incident.id"). */
final class JsonErrorPaths {
  private JsonErrorPaths() {}

  static String of(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? "body" : path;
  }

  /**
   * Drops the Java method and parameter nodes ("report.arg0.incident.id" becomes "incident.id") and
   * puts list indexes where a client expects them: Bean Validation hangs the index of an element on
   * the node after the list, so "items", "name[0]" becomes "items[0].name" and "contacts",
   * "&lt;list element&gt;[1]" becomes "contacts[1]".
   */
  static String of(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE, PARAMETER -> names.clear();
        default -> append(names, node);
      }
    }
    if (names.isEmpty()) {
      return parameterName(violation);
    }
    return String.join(".", names);
  }

  private static void append(List<String> names, Path.Node node) {
    String key = node.getIndex() != null ? "[" + node.getIndex() + "]" : null;
    if (key == null && node.getKey() != null) {
      key = "[" + node.getKey() + "]";
    }
    if (node.isInIterable() && key != null && !names.isEmpty()) {
      names.set(names.size() - 1, names.get(names.size() - 1) + key);
    }
    boolean containerElement = node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT;
    if (!containerElement && node.getName() != null && !node.getName().isEmpty()) {
      names.add(node.getName());
    }
  }

  private static String parameterName(ConstraintViolation<?> violation) {
    String last = "body";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
        last = node.getName();
      }
    }
    return last;
  }
}
