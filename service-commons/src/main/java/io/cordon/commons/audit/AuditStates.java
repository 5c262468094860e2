package io.cordon.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes before/after states as small JSON with sorted keys. A value under a key that names a
 * secret is replaced, so even a careless caller cannot put a password or secret in the log.
 */
final class AuditStates {
  static final String REDACTED = "[redacted]";
  static final int MAX_LENGTH = 4000;

  private static final Pattern SECRET_KEY =
      Pattern.compile(".*(secret|password|passwd|token|credential|privatekey|apikey).*");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private AuditStates() {}

  static String write(Map<String, ?> state) {
    if (state == null) {
      return null;
    }
    try {
      String json = JSON.writeValueAsString(redact(state));
      if (json.length() <= MAX_LENGTH) {
        return json;
      }
      return JSON.writeValueAsString(
          Map.of("truncated", true, "length", json.length(), "sha256", AuditCanon.sha256(json)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit state is not serialisable: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> redact(Map<String, ?> state) {
    Map<String, Object> safe = new LinkedHashMap<>();
    state.forEach(
        (key, value) -> {
          String normal = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
          if (SECRET_KEY.matcher(normal).matches()) {
            safe.put(key, REDACTED);
          } else if (value instanceof Map<?, ?> nested) {
            safe.put(key, redact(stringKeys(nested)));
          } else {
            safe.put(key, value);
          }
        });
    return safe;
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }
}
