package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.notification.repository.AttemptOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  private static final List<Duration> DESIGN_SCHEDULE =
      List.of(
          Duration.ZERO,
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  @ParameterizedTest(name = "HTTP {0} is {1}")
  @CsvSource({
    "200, DELIVERED",
    "202, DELIVERED",
    "204, DELIVERED",
    "410, GONE",
    "408, RETRYABLE",
    "425, RETRYABLE",
    "429, RETRYABLE",
    "500, RETRYABLE",
    "502, RETRYABLE",
    "503, RETRYABLE",
    "504, RETRYABLE",
    "400, PERMANENT",
    "401, PERMANENT",
    "403, PERMANENT",
    "404, PERMANENT",
    "413, PERMANENT",
    "301, PERMANENT",
    "302, PERMANENT",
    "100, PERMANENT"
  })
  void classifiesStatuses(int status, AttemptOutcome expected) {
    assertThat(RetryPolicy.classify(status)).isEqualTo(expected);
  }

  @Test
  void withoutJitterTheScheduleIsTheDesignsOneAndEndsAfterEightAttempts() {
    RetryPolicy policy = new RetryPolicy(DESIGN_SCHEDULE, 0, Duration.ofHours(10), random(0.5));

    assertThat(policy.firstDelay()).isZero();
    assertThat(policy.maxAttempts()).isEqualTo(8);
    for (int attempts = 1; attempts < 8; attempts++) {
      assertThat(policy.nextDelay(attempts, null)).contains(DESIGN_SCHEDULE.get(attempts));
    }
    assertThat(policy.nextDelay(8, null)).isEmpty();
  }

  @Test
  void jitterStaysWithinItsFractionAndLeavesImmediateAttemptsAlone() {
    RetryPolicy low = new RetryPolicy(DESIGN_SCHEDULE, 0.2, Duration.ofHours(10), random(0.0));
    RetryPolicy high = new RetryPolicy(DESIGN_SCHEDULE, 0.2, Duration.ofHours(10), random(0.999));

    assertThat(low.firstDelay()).isZero();
    assertThat(low.nextDelay(2, null)).contains(Duration.ofMinutes(4));
    assertThat(high.nextDelay(2, null).orElseThrow())
        .isGreaterThan(Duration.ofMinutes(5))
        .isLessThanOrEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void aLongerRetryAfterWinsUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(DESIGN_SCHEDULE, 0, Duration.ofHours(1), random(0.5));

    assertThat(policy.nextDelay(1, Duration.ofSeconds(120))).contains(Duration.ofSeconds(120));
    assertThat(policy.nextDelay(1, Duration.ofSeconds(1))).contains(Duration.ofSeconds(5));
    assertThat(policy.nextDelay(1, Duration.ofDays(3))).contains(Duration.ofHours(1));
    assertThat(policy.nextDelay(8, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void retryAfterIsReadAsSecondsOrHttpDate() {
    Instant now = Instant.parse("2015-10-21T07:28:00Z");

    assertThat(RetryPolicy.parseRetryAfter("120", now)).contains(Duration.ofSeconds(120));
    assertThat(RetryPolicy.parseRetryAfter(" 0 ", now)).contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:30:00 GMT", now))
        .contains(Duration.ofMinutes(2));
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now))
        .contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("-5", now)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
  }

  @Test
  void scheduleMustNotBeEmpty() {
    assertThatThrownBy(() -> new RetryPolicy(List.of(), 0, Duration.ZERO, random(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RandomGenerator random(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
