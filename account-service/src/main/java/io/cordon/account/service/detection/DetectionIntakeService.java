package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.account.service.CompromiseIntakeService;
import io.cordon.account.service.DeliveryKey;
import io.cordon.account.service.IntakeReceipt;
import io.cordon.account.service.ReportSubmission;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.contracts.ReportSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code POST /detections}: recognises the payload, checks its source's webhook signature when one
 * is configured, and submits the accounts as a compromise report (source DETECTION).
 */
@ApplicationScoped
public class DetectionIntakeService {
  private final DetectionParser parser = new DetectionParser();

  @Inject CompromiseIntakeService intake;
  @Inject WebhookVerifier verifier;

  /**
   * @param payload the parsed body
   * @param body the raw body, as signed
   * @param reportedBy the calling principal
   * @param playbook the playbook to request, or null for the default one
   * @param deliveryKey what makes a retried delivery the same one, or null
   */
  public IntakeReceipt submit(
      JsonNode payload,
      byte[] body,
      WebhookHeaders headers,
      String reportedBy,
      String playbook,
      DeliveryKey deliveryKey) {
    if (payload == null || payload.isMissingNode()) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY, "Body is empty: expected a JSON detection payload");
    }
    DetectionShape shape = parser.identify(payload);
    verifier.verify(shape.source(), headers, body);
    Detection detection = parser.extract(shape, payload);
    if (detection.entries().size() > CompromiseIntakeService.MAX_ENTRIES) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "A detection may name at most " + CompromiseIntakeService.MAX_ENTRIES + " accounts");
    }
    ReportSubmission submission =
        new ReportSubmission(
            detection.incidentId(),
            detection.title(),
            detection.severity(),
            playbook,
            ReportSource.DETECTION,
            detection.source(),
            reportedBy,
            detection.incidentInferred());
    return intake.submit(submission, detection.entries(), detection.rejections(), deliveryKey);
  }
}
