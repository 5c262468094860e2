package io.cordon.account.service.window;

import java.time.Instant;
import java.util.Objects;

/**
 * Since when an account is taken to be in an attacker's hands: the cleanup actions remove what was
 * added from {@code start} on and list, without removing, what is older.
 *
 * @param source where {@code start} comes from
 */
public record CompromiseWindow(Instant start, Source source) {
  public enum Source {
    /** The report's {@code first_seen} column (or a JSON entry's {@code firstSeenAt}). */
    FIRST_SEEN,
    /** A detection's (or a CSV's {@code last_activity}) activity time. */
    ACTIVITY,
    /** The report's receipt time minus {@code cordon.compromise-window.look-back}. */
    LOOK_BACK
  }

  public CompromiseWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(source, "source");
  }

  /** Whether something created at {@code createdAt} was added inside the window. */
  public boolean contains(Instant createdAt) {
    return createdAt != null && !createdAt.isBefore(start);
  }
}
