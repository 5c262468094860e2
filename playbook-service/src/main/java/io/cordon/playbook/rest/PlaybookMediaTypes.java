package io.cordon.playbook.rest;

import io.cordon.playbook.model.DocumentFormat;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The media types a playbook is read and written in, and how a request picks one. */
final class PlaybookMediaTypes {
  static final String JSON = MediaType.APPLICATION_JSON;
  static final String YAML = "application/yaml";
  static final String X_YAML = "application/x-yaml";
  static final String TEXT_YAML = "text/yaml";
  static final String TEXT_X_YAML = "text/x-yaml";

  private static final List<MediaType> YAML_TYPES =
      List.of(
          MediaType.valueOf(YAML),
          MediaType.valueOf(X_YAML),
          MediaType.valueOf(TEXT_YAML),
          MediaType.valueOf(TEXT_X_YAML));

  private PlaybookMediaTypes() {}

  /** The format of a request body; JAX-RS has already refused types outside the list. */
  static DocumentFormat of(MediaType contentType) {
    return contentType != null && contentType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
        ? DocumentFormat.JSON
        : DocumentFormat.YAML;
  }

  /**
   * The media type to answer with: the caller's most preferred of ours, JSON for wildcards. The
   * list is sorted by preference (q) already.
   */
  static MediaType negotiate(List<MediaType> acceptable) {
    for (MediaType wanted : acceptable) {
      if (wanted.isWildcardType() || wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return MediaType.APPLICATION_JSON_TYPE;
      }
      for (MediaType yaml : YAML_TYPES) {
        if (wanted.isCompatible(yaml)) {
          return wanted.isWildcardSubtype() ? YAML_TYPES.get(0) : yaml;
        }
      }
    }
    return MediaType.APPLICATION_JSON_TYPE;
  }

  static DocumentFormat formatOf(MediaType responseType) {
    return responseType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
        ? DocumentFormat.JSON
        : DocumentFormat.YAML;
  }
}
