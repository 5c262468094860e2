package io.cordon.account.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a refused read again in place: a GET answered 429, 503 or 504 goes again after Graph's
 * Retry-After (or a doubling backoff), at most {@link #ATTEMPTS} times in all, and never when Graph
 * asks for a longer wait than {@link #LONGEST_WAIT} (that wait belongs in the ledger, not in a
 * worker thread). A cleanup listing reads up to five pages and folders per pass: without this, one
 * refusal among them costs the whole action an attempt, and under a storm an action that reads five
 * times runs out of attempts although every single read would have passed. Only reads: a write is
 * retried by the action ledger, which checks its effect first.
 */
final class ReadRetryInterceptor implements Interceptor {
  static final int ATTEMPTS = 3;
  static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

  private final Duration initialBackoff;

  ReadRetryInterceptor(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    if (!"GET".equalsIgnoreCase(request.method())) {
      return response;
    }
    for (int attempt = 1; attempt < ATTEMPTS && refused(response.code()); attempt++) {
      Duration wait = waitBefore(attempt, response.header("Retry-After"));
      if (wait.compareTo(LONGEST_WAIT) > 0) {
        return response;
      }
      response.close();
      pause(wait);
      response = chain.proceed(request);
    }
    return response;
  }

  static boolean refused(int status) {
    return status == 429 || status == 503 || status == 504;
  }

  /** Graph's Retry-After in seconds when it sends one, else the initial backoff doubled. */
  Duration waitBefore(int attempt, String retryAfter) {
    if (retryAfter != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
      } catch (NumberFormatException e) {
        // an HTTP date: rare from Graph; the backoff below is as good
      }
    }
    return initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
  }

  private static void pause(Duration wait) throws InterruptedIOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to read again");
    }
  }
}
