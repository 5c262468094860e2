package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.playbook.mapping.DocumentSyntaxException;
import io.cordon.playbook.mapping.PlaybookParser;
import io.cordon.playbook.model.DocumentFormat;
import java.util.List;

/** Test helper: YAML text to violations. */
final class Documents {
  private Documents() {}

  static ObjectNode yaml(String text) {
    try {
      return PlaybookParser.parse(text, DocumentFormat.YAML);
    } catch (DocumentSyntaxException e) {
      throw new AssertionError("test document is not YAML: " + e.getMessage(), e);
    }
  }

  static List<String> violations(String yaml) {
    return new PlaybookValidator().validate(yaml(yaml)).stream().map(Violation::describe).toList();
  }

  static List<String> fields(String yaml) {
    return new PlaybookValidator().validate(yaml(yaml)).stream().map(Violation::field).toList();
  }
}
