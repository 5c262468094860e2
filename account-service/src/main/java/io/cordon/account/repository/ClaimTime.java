package io.cordon.account.repository;

import java.time.Duration;
import java.time.Instant;

/**
 * When an executor claimed (or was about to send) an action: its local time and the interval of
 * Graph's clock that local time corresponds to.
 */
public record ClaimTime(Instant local, Instant graphEarliest, Instant graphLatest) {

  /**
   * Now, with Graph's clock minus the local clock known to lie in {@code [offsetMin, offsetMax]}.
   */
  public static ClaimTime now(Duration offsetMin, Duration offsetMax) {
    Instant local = Instant.now();
    return new ClaimTime(local, local.plus(offsetMin), local.plus(offsetMax));
  }
}
