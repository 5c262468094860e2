package io.cordon.account.client;

import io.cordon.account.config.InPlaceRetry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a refused read again in place: a GET answered 429, 503 or 504 goes again by the {@link
 * InPlaceRetry} rule. A cleanup listing reads up to five pages and folders per pass: without this,
 * one refusal among them costs the whole action an attempt, and under a storm an action that reads
 * five times runs out of attempts although every single read would have passed. Only reads: a write
 * is retried by the action ledger, which checks its effect first.
 */
final class ReadRetryInterceptor implements Interceptor {
  private final InPlaceRetry rule;

  ReadRetryInterceptor(InPlaceRetry rule) {
    this.rule = rule;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    if (!"GET".equalsIgnoreCase(request.method())) {
      return response;
    }
    for (int sends = 1; refused(response.code()); sends++) {
      Optional<Duration> wait =
          rule.waitBeforeNextSend(sends, retryAfter(response.header("Retry-After")));
      if (wait.isEmpty()) {
        return response;
      }
      response.close();
      pause(wait.get());
      response = chain.proceed(request);
    }
    return response;
  }

  static boolean refused(int status) {
    return status == 429 || status == 503 || status == 504;
  }

  /** Graph's Retry-After in seconds; null when absent or an HTTP date (rare from Graph). */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return null;
    }
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
