package io.cordon.graphsim.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void unitsLeaveTheWindowAfterItsLength() {
    SlidingWindow window = new SlidingWindow(10 * SECOND);
    long start = 1_000 * SECOND;
    window.add(start, 7);
    window.add(start + 4 * SECOND, 3);
    assertThat(window.used(start + 5 * SECOND)).isEqualTo(10);
    assertThat(window.used(start + 10 * SECOND + SECOND / 2)).isEqualTo(3);
    assertThat(window.used(start + 15 * SECOND)).isZero();
  }

  @Test
  void tellsHowLongUntilEnoughUnitsAreFreed() {
    SlidingWindow window = new SlidingWindow(10 * SECOND);
    long start = 1_000 * SECOND;
    window.add(start, 7);
    window.add(start + 4 * SECOND, 3);
    long now = start + 5 * SECOND;
    // the first 7 units leave at start + 10 s: 5 s from now; all 10 only at start + 14 s
    assertThat(window.nanosUntilFreed(now, 5)).isEqualTo(5 * SECOND);
    assertThat(window.nanosUntilFreed(now, 9)).isEqualTo(9 * SECOND);
  }
}
