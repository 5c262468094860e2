package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.account.service.intake.CompromiseIntakeService;
import io.cordon.account.service.intake.DeliveryKey;
import io.cordon.account.service.intake.IntakeReceipt;
import io.cordon.account.service.intake.ReportSubmission;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.contracts.ReportSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code POST /detections}: checks the webhook signature the calling detector's source requires,
 * the playbook it may ask for, then recognises the payload and submits its accounts as a compromise
 * report (source DETECTION).
 */
@ApplicationScoped
public class DetectionIntakeService {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String WEBHOOK_ID = "webhook-id";

  private final DetectionParser parser = new DetectionParser();

  @Inject CompromiseIntakeService intake;
  @Inject WebhookVerifier verifier;
  @Inject DetectionSources sources;
  @Inject DetectorPlaybooks playbooks;

  /**
   * @param payload the parsed body
   * @param body the raw body, as signed
   * @param reportedBy the calling principal's name
   * @param reportedById the calling principal's unchangeable identity, or null
   * @param playbook the playbook the caller asks for, or null for the default one
   * @param idempotencyKey the caller's {@code Idempotency-Key}, or null
   */
  public IntakeReceipt submit(
      JsonNode payload,
      byte[] body,
      WebhookHeaders headers,
      String reportedBy,
      String reportedById,
      String playbook,
      String idempotencyKey) {
    if (payload == null || payload.isMissingNode()) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY, "Body is empty: expected a JSON detection payload");
    }
    // the secret follows from who called, so a caller cannot dodge it by the payload's shape
    String source = sources.of(reportedBy);
    verifier.verify(source, headers, body);
    String requestedPlaybook = playbooks.choose(reportedBy, playbook);
    DeliveryKey deliveryKey =
        deliveryKey(verifier.requiresSignature(source), headers, idempotencyKey, body);
    DetectionShape shape = parser.identify(payload);
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
            requestedPlaybook,
            ReportSource.DETECTION,
            detection.source(),
            reportedBy,
            reportedById,
            detection.incidentInferred());
    return intake.submit(submission, detection.entries(), detection.rejections(), deliveryKey);
  }

  /**
   * A signed delivery is its {@code webhook-id}: the signature covers that id, not an
   * Idempotency-Key, so a replay of the signed request under a fresh key is still the same delivery
   * and gets the first report back. Unsigned deliveries keep the caller's key, else their
   * webhook-id (Standard Webhooks keeps it across a message's retries).
   */
  static DeliveryKey deliveryKey(
      boolean signed, WebhookHeaders headers, String idempotencyKey, byte[] body) {
    if (signed || idempotencyKey == null) {
      return DeliveryKey.of(WEBHOOK_ID, headers.id(), body);
    }
    return DeliveryKey.of(IDEMPOTENCY_KEY, idempotencyKey, body);
  }
}
