package io.cordon.account.client;

import java.time.Duration;

/**
 * Graph's answer to one call: HTTP status (0 when no answer arrived), Retry-After if given, the
 * request id for support cases, and Graph's error code and message on failure.
 */
public record GraphAnswer(
    int status, Duration retryAfter, String requestId, String errorCode, String errorMessage) {

  public static GraphAnswer noAnswer(String why) {
    return new GraphAnswer(0, null, null, "NoResponse", why);
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
