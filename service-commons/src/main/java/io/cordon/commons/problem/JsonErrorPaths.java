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

  /** Drops the Java method and parameter nodes: "report.arg0.incident.id" becomes "incident.id". */
  static String of(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> names.clear();
        case PARAMETER -> names.clear();
        default -> names.add(nodeName(node));
      }
    }
    if (names.isEmpty()) {
      return parameterName(violation);
    }
    return String.join(".", names).replace(".[", "[");
  }

  private static String nodeName(Path.Node node) {
    String name = node.getName() == null ? "" : node.getName();
    if (node.getIndex() != null) {
      return name + "[" + node.getIndex() + "]";
    }
    return name;
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
