package io.cordon.graphsim.model;

import java.util.Map;

/**
 * One Graph request, top level or inside a $batch: path relative to the API base (no leading slash,
 * percent-decoded per segment), query parameters, lower-case header names, raw body.
 */
public record GraphRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body,
    boolean inBatch) {

  public boolean hasBody() {
    return body != null && body.length > 0;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  public boolean write() {
    return !"GET".equals(method) && !"HEAD".equals(method);
  }
}
