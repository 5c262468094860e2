package io.cordon.playbook.mapping;

/** The body is not well-formed YAML or JSON, or is not a single mapping at the top. */
public class DocumentSyntaxException extends Exception {
  public DocumentSyntaxException(String message) {
    super(message);
  }
}
