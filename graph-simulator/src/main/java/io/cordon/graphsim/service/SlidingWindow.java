package io.cordon.graphsim.service;

/**
 * Units spent in the last {@code window}, counted in 50 slots: the strict form of "N per window"
 * (no two adjacent fixed windows can together let 2N through). Callers synchronise.
 */
final class SlidingWindow {
  private static final int SLOTS = 50;
  private final long slotNanos;
  private final long[] counts = new long[SLOTS];
  private final long[] slotIds = new long[SLOTS];
  private long total;

  SlidingWindow(long windowNanos) {
    this.slotNanos = Math.max(1, windowNanos / SLOTS);
    java.util.Arrays.fill(slotIds, Long.MIN_VALUE);
  }

  long used(long now) {
    expire(now / slotNanos);
    return total;
  }

  void add(long now, long amount) {
    long slot = now / slotNanos;
    expire(slot);
    int position = (int) Math.floorMod(slot, (long) SLOTS);
    if (slotIds[position] != slot) {
      slotIds[position] = slot;
      counts[position] = 0;
    }
    counts[position] += amount;
    total += amount;
  }

  /** Nanoseconds until at least {@code needed} units have left the window. */
  long nanosUntilFreed(long now, long needed) {
    long current = now / slotNanos;
    long freed = 0;
    for (long slot = current - SLOTS + 1; slot <= current; slot++) {
      int position = (int) Math.floorMod(slot, (long) SLOTS);
      if (slotIds[position] == slot) {
        freed += counts[position];
      }
      if (freed >= needed) {
        return (slot + SLOTS) * slotNanos - now;
      }
    }
    return SLOTS * slotNanos;
  }

  private void expire(long current) {
    for (int i = 0; i < SLOTS; i++) {
      if (slotIds[i] != Long.MIN_VALUE && slotIds[i] <= current - SLOTS) {
        total -= counts[i];
        counts[i] = 0;
        slotIds[i] = Long.MIN_VALUE;
      }
    }
  }
}
