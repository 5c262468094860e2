package io.cordon.graphsim.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Graph answer: status, headers, JSON body (null for none). */
public record GraphResponse(int status, Map<String, String> headers, JsonNode body) {

  public static GraphResponse of(int status, JsonNode body) {
    return new GraphResponse(status, new LinkedHashMap<>(), body);
  }

  public GraphResponse withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public boolean success() {
    return status >= 200 && status < 300;
  }
}
