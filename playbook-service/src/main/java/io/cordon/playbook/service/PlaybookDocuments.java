package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.playbook.config.PlaybookConfig;
import io.cordon.playbook.mapping.DocumentSyntaxException;
import io.cordon.playbook.mapping.PlaybookParser;
import io.cordon.playbook.mapping.PlaybookReader;
import io.cordon.playbook.mapping.PlaybookWriter;
import io.cordon.playbook.model.DocumentFormat;
import io.cordon.playbook.model.Identifiers;
import io.cordon.playbook.model.Playbook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns an uploaded document into a valid, normalised playbook, or into the problem that explains
 * why not: 413 too large, 400 malformed body or unusable name, 422 invalid content.
 */
@ApplicationScoped
public class PlaybookDocuments {
  static final int MAX_ERRORS = 100;

  @Inject PlaybookConfig config;

  private final PlaybookValidator validator = new PlaybookValidator();

  /**
   * @param pathName the name the request addresses; null when the body must carry it (POST)
   */
  public Playbook read(String body, DocumentFormat format, String pathName) {
    long size = body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
    if (size > config.maxDocumentSize().asLongValue()) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "A playbook document may have at most "
              + config.maxDocumentSize().asLongValue()
              + " bytes");
    }
    ObjectNode document = parse(body, format);
    name(document, pathName);
    List<Violation> violations = validator.validate(document);
    if (!violations.isEmpty()) {
      throw invalid(document.path("name").asText(), violations);
    }
    return PlaybookReader.fromValidated(document);
  }

  public String render(Playbook playbook, DocumentFormat format) {
    return PlaybookWriter.write(playbook, format);
  }

  private static ObjectNode parse(String body, DocumentFormat format) {
    try {
      return PlaybookParser.parse(body, format);
    } catch (DocumentSyntaxException e) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY,
          e.getMessage(),
          List.of(new Problem.FieldError("body", e.getMessage())));
    }
  }

  /** The name says which playbook the request is about: a request problem (400), not content. */
  private static void name(ObjectNode document, String pathName) {
    JsonNode name = document.get("name");
    if (pathName == null) {
      if (name == null) {
        throw ProblemException.invalidField("name", "is required");
      }
      if (!name.isTextual() || !Identifiers.isValid(name.asText())) {
        throw ProblemException.invalidField("name", Identifiers.RULE);
      }
      return;
    }
    if (!Identifiers.isValid(pathName)) {
      throw ProblemException.invalidField("name", Identifiers.RULE);
    }
    if (name == null) {
      document.put("name", pathName);
    } else if (!name.isTextual() || !name.asText().equals(pathName)) {
      throw ProblemException.invalidField(
          "name", "must match the name in the path (" + pathName + ") or be left out");
    }
  }

  private static ProblemException invalid(String name, List<Violation> violations) {
    List<Violation> shown = violations.stream().limit(MAX_ERRORS).toList();
    String more =
        violations.size() > shown.size()
            ? "; and " + (violations.size() - shown.size()) + " more"
            : "";
    String detail =
        "Playbook "
            + name
            + " is invalid: "
            + shown.stream().map(Violation::describe).collect(Collectors.joining("; "))
            + more;
    return new ProblemException(
        ProblemType.UNPROCESSABLE,
        detail,
        shown.stream().map(v -> new Problem.FieldError(v.field(), v.reason())).toList());
  }
}
