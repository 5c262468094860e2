package io.cordon.contracts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cordon.contracts.EventFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes Cordon events as JSON. Every failure to read is an {@link EventFormatException}
 * naming the event type and, where there is one, the offending field.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = newObjectMapper();

  private EventJson() {}

  /**
   * A new mapper configured like the one used here, for frameworks that want their own instance:
   * ISO-8601 instants, unknown properties ignored, nulls left out.
   */
  public static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // otherwise an absent int or boolean would silently read as 0 or false
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }

  public static String write(Object event) {
    return new String(writeBytes(event), StandardCharsets.UTF_8);
  }

  public static byte[] writeBytes(Object event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      // records of this module always serialize; this is a caller passing something else
      throw new IllegalArgumentException(
          "cannot write " + event.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    if (json == null) {
      throw EventFormatException.unreadable(type.getSimpleName(), "payload is empty", null);
    }
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  public static <T> T read(byte[] json, Class<T> type) {
    String typeName = type.getSimpleName();
    requireContent(json, typeName);
    T value;
    try {
      value = MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw ReadFailures.describe(e, typeName);
    }
    if (value == null) {
      throw EventFormatException.unreadable(typeName, "payload is JSON null", null);
    }
    return value;
  }

  /** Parses without binding, for callers that pick the event type from the payload itself. */
  public static JsonNode readTree(byte[] json, String typeName) {
    requireContent(json, typeName);
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw ReadFailures.describe(e, typeName);
    }
  }

  private static void requireContent(byte[] json, String typeName) {
    if (json == null || json.length == 0) {
      throw EventFormatException.unreadable(typeName, "payload is empty", null);
    }
  }
}
