package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One payload format a detection system sends to {@code POST /detections}: recognises it and pulls
 * out the incident and the user accounts it names.
 */
public interface DetectionShape {

  /**
   * The sending system, e.g. {@code sentinel}: stored as the report's source label and the key of
   * its webhook secret ({@code cordon.detections.webhook-secrets.<source>}).
   */
  String source();

  /** A short name for messages, e.g. "Microsoft Sentinel incident". */
  String name();

  /** What the shape looks like, as the 422 answer for an unknown payload lists it. */
  String description();

  /** Whether the payload is of this shape; never throws, whatever the payload. */
  boolean matches(JsonNode payload);

  /** Extracts incident and accounts from a payload this shape {@link #matches}. */
  Detection parse(JsonNode payload);
}
