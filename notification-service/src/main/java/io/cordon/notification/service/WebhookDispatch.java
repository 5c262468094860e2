package io.cordon.notification.service;

import io.cordon.notification.client.WebhookAnswer;
import io.cordon.notification.client.WebhookCall;
import io.cordon.notification.client.WebhookClient;
import io.cordon.notification.repository.AttemptOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One webhook attempt: re-check where the host points now, sign with every current key, post to
 * exactly the vetted addresses, and classify the answer.
 */
@ApplicationScoped
public class WebhookDispatch {
  @Inject WebhookTargetPolicy targets;
  @Inject WebhookClient client;

  public AttemptReport send(DeliveryJob.Webhook job) {
    Instant started = Instant.now();
    List<InetAddress> addresses;
    Map<String, String> headers;
    try {
      addresses = targets.deliveryAddresses(job.url());
      headers = headers(job);
    } catch (BlockedTargetException e) {
      return new AttemptReport(started, 0, AttemptOutcome.BLOCKED, null, e.getMessage(), null);
    } catch (UnknownHostException e) {
      return new AttemptReport(
          started,
          0,
          AttemptOutcome.RETRYABLE,
          null,
          "host " + WebhookUrls.host(job.url()) + " does not resolve",
          null);
    } finally {
      job.wipeKeys();
    }
    WebhookAnswer answer =
        client.post(new WebhookCall(URI.create(job.url()), addresses, headers, job.body()));
    if (!answer.answered()) {
      return new AttemptReport(
          started, answer.latencyMs(), AttemptOutcome.RETRYABLE, null, answer.error(), null);
    }
    int status = answer.status();
    AttemptOutcome outcome = RetryPolicy.classify(status);
    Duration retryAfter =
        outcome == AttemptOutcome.RETRYABLE
            ? RetryPolicy.parseRetryAfter(answer.retryAfter(), Instant.now()).orElse(null)
            : null;
    return new AttemptReport(
        started,
        answer.latencyMs(),
        outcome,
        status,
        outcome == AttemptOutcome.DELIVERED ? null : "HTTP " + status,
        retryAfter);
  }

  /** Standard Webhooks headers; the timestamp is the attempt's, the id and body the notice's. */
  private Map<String, String> headers(DeliveryJob.Webhook job) {
    long timestamp = Instant.now().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", job.webhookId());
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put(
        "webhook-signature",
        WebhookSigner.signature(job.keys(), job.webhookId(), timestamp, job.body()));
    headers.put("content-type", "application/json");
    return headers;
  }
}
