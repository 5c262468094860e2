package io.cordon.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
  private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void onlyThrottlingAndUnavailableAreRetried() {
    assertThat(policy.retryable(429)).isTrue();
    assertThat(policy.retryable(503)).isTrue();
    assertThat(policy.retryable(500)).isFalse();
    assertThat(policy.retryable(409)).isFalse();
  }

  @Test
  void retryAfterAsAnHttpDateIsCountedFromNow() {
    assertThat(policy.delay(answer("Sun, 06 Dec 2026 10:00:12 GMT"), 1, now))
        .isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void aLongRetryAfterIsCappedSoTheTerminalDoesNotHang() {
    assertThat(policy.delay(answer("3600"), 1, now)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void withoutRetryAfterTheWaitDoubles() {
    assertThat(policy.delay(answer(null), 1, now)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delay(answer(null), 3, now)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delay(answer("soon"), 2, now)).isEqualTo(Duration.ofSeconds(2));
  }

  private static HttpResponse<String> answer(String retryAfter) {
    HttpHeaders headers =
        HttpHeaders.of(
            retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)),
            (name, value) -> true);
    return new HttpResponse<>() {
      @Override
      public int statusCode() {
        return 503;
      }

      @Override
      public HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://x")).build();
      }

      @Override
      public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public String body() {
        return "";
      }

      @Override
      public Optional<SSLSession> sslSession() {
        return Optional.empty();
      }

      @Override
      public URI uri() {
        return URI.create("http://x");
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }
}
