package io.cordon.playbook.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cordon.playbook.model.Playbook;

/** Turns a validated document, or stored canonical JSON, into the playbook record. */
public final class PlaybookReader {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private PlaybookReader() {}

  /**
   * The record of a document the validator accepted; defaults are filled in and the uploaded {@code
   * version} (which the service assigns) is dropped.
   */
  public static Playbook fromValidated(JsonNode document) {
    try {
      return MAPPER.treeToValue(document, Playbook.class).withVersion(null);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("A validated playbook did not map to the model", e);
    }
  }

  public static Playbook fromStored(String canonicalJson, int version) {
    try {
      return MAPPER.readValue(canonicalJson, Playbook.class).withVersion(version);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored playbook version is unreadable", e);
    }
  }
}
