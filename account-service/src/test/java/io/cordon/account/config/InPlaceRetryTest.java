package io.cordon.account.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InPlaceRetryTest {
  private final InPlaceRetry rule =
      new InPlaceRetry(3, Duration.ofSeconds(5), Duration.ofMillis(200));

  @Test
  void graphsRetryAfterIsWaitedWhenItIsShort() {
    assertThat(rule.waitBeforeNextSend(1, Duration.ofSeconds(2))).contains(Duration.ofSeconds(2));
  }

  @Test
  void withoutRetryAfterTheInitialBackoffDoubles() {
    assertThat(rule.waitBeforeNextSend(1, null)).contains(Duration.ofMillis(200));
    assertThat(rule.waitBeforeNextSend(2, null)).contains(Duration.ofMillis(400));
  }

  @Test
  void aLongerWaitThanTheLongestInPlaceGoesBackToTheLedger() {
    assertThat(rule.waitBeforeNextSend(1, Duration.ofSeconds(6))).isEmpty();
    assertThat(rule.waitBeforeNextSend(1, Duration.ofSeconds(5))).contains(Duration.ofSeconds(5));
  }

  @Test
  void noSendAfterTheLastOne() {
    assertThat(rule.waitBeforeNextSend(3, Duration.ZERO)).isEmpty();
    assertThat(rule.waitBeforeNextSend(2, Duration.ZERO)).contains(Duration.ZERO);
  }
}
