package io.cordon.playbook.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cordon.playbook.model.DocumentFormat;
import io.cordon.playbook.model.Playbook;

/** Writes playbooks as YAML or JSON, and as the canonical JSON that versions are compared by. */
public final class PlaybookWriter {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Fixed property order (records declare it), map keys sorted, no whitespace. */
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();

  private PlaybookWriter() {}

  public static String write(Playbook playbook, DocumentFormat format) {
    return write(format == DocumentFormat.YAML ? YAML : JSON, playbook);
  }

  /**
   * The content a version is identified by: everything but the version number, in one fixed
   * spelling. Two uploads with equal canonical JSON are the same version.
   */
  public static String canonical(Playbook playbook) {
    return write(CANONICAL, playbook.withVersion(null));
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A playbook record could not be written", e);
    }
  }
}
