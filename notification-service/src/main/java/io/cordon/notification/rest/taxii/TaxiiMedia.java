package io.cordon.notification.rest.taxii;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** TAXII 2.1 media types, timestamps and error messages (specification sections 1.6, 3.6). */
final class TaxiiMedia {
  static final String TAXII = "application/taxii+json;version=2.1";
  static final String STIX = "application/stix+json;version=2.1";
  static final String REALM = "Basic realm=\"Cordon TAXII\", charset=\"UTF-8\"";

  // TAXII timestamps are STIX timestamps; these carry milliseconds, as date_added needs them
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TaxiiMedia() {}

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  static Response ok(Object body) {
    return Response.ok(body, MediaType.valueOf(TAXII)).build();
  }

  /** A TAXII error message: title and HTTP status always, a description when it helps. */
  static Response error(Response.Status status, String title, String description) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("title", title);
    if (description != null) {
      error.put("description", description);
    }
    error.put("http_status", Integer.toString(status.getStatusCode()));
    Response.ResponseBuilder response =
        Response.status(status).type(MediaType.valueOf(TAXII)).entity(error);
    if (status == Response.Status.UNAUTHORIZED) {
      response.header("WWW-Authenticate", REALM);
    }
    return response.build();
  }

  /**
   * Whether an Accept header admits TAXII 2.1 JSON: absent, a wildcard, or {@code
   * application/taxii+json} without a version or with version 2.1.
   */
  static boolean acceptable(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String range : accept.split(",")) {
      MediaType type;
      try {
        type = MediaType.valueOf(range.strip());
      } catch (IllegalArgumentException unreadable) {
        continue;
      }
      if (type.isWildcardType()
          || ("application".equals(type.getType()) && type.isWildcardSubtype())) {
        return true;
      }
      String version = type.getParameters().get("version");
      if ("application".equals(type.getType())
          && "taxii+json".equals(type.getSubtype())
          && (version == null || "2.1".equals(version))) {
        return true;
      }
    }
    return false;
  }
}
