package io.cordon.notification.client;

/**
 * What came back from a partner endpoint: an HTTP status, or no answer at all.
 *
 * @param status the HTTP status, or null when there was no answer
 * @param retryAfter the raw Retry-After header, if any
 * @param error why there was no answer (connection refused, TLS, timeout...), else null
 */
public record WebhookAnswer(Integer status, String retryAfter, String error, long latencyMs) {

  public static WebhookAnswer answered(int status, String retryAfter, long latencyMs) {
    return new WebhookAnswer(status, retryAfter, null, latencyMs);
  }

  public static WebhookAnswer noAnswer(String error, long latencyMs) {
    return new WebhookAnswer(null, null, error, latencyMs);
  }

  public boolean answered() {
    return status != null;
  }
}
