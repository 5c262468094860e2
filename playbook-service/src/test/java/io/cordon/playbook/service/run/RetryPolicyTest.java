package io.cordon.playbook.service.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.ActionType;
import io.cordon.playbook.model.Backoff;
import io.cordon.playbook.model.DurationSpec;
import io.cordon.playbook.model.Retry;
import io.cordon.playbook.model.Step;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Step RETRIED =
      new Step(
          "revoke",
          ActionType.REVOKE_SESSIONS,
          null,
          null,
          null,
          new Retry(4, new Backoff(DurationSpec.parse("30s"), DurationSpec.parse("1m"), 3.0)),
          null,
          false,
          Map.of());

  @Test
  void aStepWithoutRetryHasOneAttempt() {
    Step once = Facts.step("revoke", ActionType.REVOKE_SESSIONS);
    assertThat(RetryPolicy.maxAttempts(once)).isEqualTo(1);
    assertThat(RetryPolicy.mayRetry(once, 1)).isFalse();
  }

  @Test
  void attemptsCountTheFirstOne() {
    assertThat(RetryPolicy.mayRetry(RETRIED, 3)).isTrue();
    assertThat(RetryPolicy.mayRetry(RETRIED, 4)).isFalse();
  }

  @Test
  void backoffGrowsByTheMultiplierUpToTheMax() {
    assertThat(RetryPolicy.delay(RETRIED, 1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryPolicy.delay(RETRIED, 2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(RetryPolicy.delay(RETRIED, 9)).isEqualTo(Duration.ofMinutes(1));
  }
}
