package io.cordon.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads an {@code application/x-www-form-urlencoded} body, e.g. a token request to Entra. */
public final class FormBodies {
  private FormBodies() {}

  public static Map<String, String> parse(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        form.put(URLDecoder.decode(pair, StandardCharsets.UTF_8), "");
        continue;
      }
      form.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
