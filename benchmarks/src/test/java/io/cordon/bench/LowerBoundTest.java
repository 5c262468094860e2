package io.cordon.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic the published ratios rest on (no stack is started here). */
class LowerBoundTest {
  @Test
  void twoHundredAccountsAreBoundByIdentityProtectionOnly() {
    // 400 writes fit the first 150 s window; 2 confirm calls of 100 ids need 1 s at 1 call/s
    LowerBound bound = LowerBound.of(200, 1.0, 50);

    assertThat(bound.seconds()).isCloseTo(1.05, within(1e-9));
    assertThat(bound.binding()).contains("confirmCompromised");
  }

  @Test
  void twoThousandAccountsNeedASecondWriteWindow() {
    // 4,000 writes at 3,000 per sliding 150 s: the last 1,000 wait one window
    LowerBound bound = LowerBound.of(2_000, 1.0, 50);

    assertThat(bound.seconds()).isCloseTo(150.05, within(1e-9));
    assertThat(bound.binding()).isEqualTo("4000 writes / 3000 per 150 s");
  }

  @Test
  void scaledBudgetsScaleEveryLimit() {
    // 20,000 writes fit 30,000; 100 confirm calls at 10 per second need 9 more seconds
    LowerBound bound = LowerBound.of(10_000, 10.0, 50);

    assertThat(bound.seconds()).isCloseTo(9.05, within(1e-9));
  }

  @Test
  void percentilesAreNearestRank() {
    List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

    assertThat(DetectionLatency.percentile(sorted, 50)).isEqualTo(5.0);
    assertThat(DetectionLatency.percentile(sorted, 95)).isEqualTo(10.0);
    assertThat(DetectionLatency.percentile(sorted, 99)).isEqualTo(10.0);
  }
}
