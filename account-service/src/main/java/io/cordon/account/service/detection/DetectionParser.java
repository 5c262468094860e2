package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Recognises a detection payload by trying each {@link DetectionShape} in order, and extracts it.
 * An unknown payload, or a known one that names no account, is a 422 problem.
 */
public class DetectionParser {
  private final List<DetectionShape> shapes;

  public DetectionParser() {
    this(
        List.of(
            new GraphAlertShape(),
            new GraphIncidentShape(),
            new SentinelIncidentShape(),
            new DefenderStreamingShape(),
            new RiskDetectionShape()));
  }

  DetectionParser(List<DetectionShape> shapes) {
    this.shapes = List.copyOf(shapes);
  }

  public List<DetectionShape> shapes() {
    return shapes;
  }

  /** The first shape the payload matches; 422 naming every accepted shape when none does. */
  public DetectionShape identify(JsonNode payload) {
    if (Nodes.isValueBatch(payload) && payload.get("value").isEmpty()) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "The payload's value array is empty: it holds no detection and so no account");
    }
    for (DetectionShape shape : shapes) {
      if (shape.matches(payload)) {
        return shape;
      }
    }
    throw new ProblemException(
        ProblemType.UNPROCESSABLE,
        "Unrecognised detection payload. Accepted shapes: "
            + shapes.stream().map(DetectionShape::description).collect(Collectors.joining("; "))
            + ".");
  }

  /** The shape's detection; 422 when it yields no account entry to validate. */
  public Detection extract(DetectionShape shape, JsonNode payload) {
    Detection detection = shape.parse(payload);
    if (detection.entries().isEmpty()) {
      StringBuilder detail =
          new StringBuilder("Recognised a ")
              .append(shape.name())
              .append(" payload, but no user accounts were found in it");
      if (!detection.rejections().isEmpty()) {
        detail.append(": ");
        detail.append(
            detection.rejections().stream()
                .limit(5)
                .map(r -> r.input() + " (" + r.reason() + ")")
                .collect(Collectors.joining("; ")));
        if (detection.rejections().size() > 5) {
          detail.append("; and ").append(detection.rejections().size() - 5).append(" more");
        }
      }
      throw new ProblemException(ProblemType.UNPROCESSABLE, detail.toString());
    }
    return detection;
  }

  public Detection parse(JsonNode payload) {
    return extract(identify(payload), payload);
  }
}
