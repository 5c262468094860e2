package io.cordon.bench;

import java.util.Locale;

/**
 * The fastest any client could revoke + reset + confirm-compromised {@code accounts} accounts
 * within the simulator's (Entra's documented) budgets for a large tenant times {@code scale}:
 *
 * <ul>
 *   <li>writes: 2 per account (revokeSignInSessions POST, password PATCH), 3,000 per sliding 150 s;
 *   <li>resource units: 1 per write, 8,000 per sliding 10 s (reads for resolution not counted);
 *   <li>Identity Protection: confirmCompromised coalesced to {@link #IDS_PER_CONFIRM} user ids per
 *       call, 1 call per sliding second;
 * </ul>
 *
 * A sliding window lets the whole budget go at once, so k windows' worth of work needs (k - 1)
 * window lengths; plus one round trip of simulator latency.
 */
record LowerBound(double seconds, String binding) {
  /** account-service's cordon.executor.confirm-compromised-per-call default. */
  static final int IDS_PER_CONFIRM = 100;

  static LowerBound of(int accounts, double scale, long latencyMs) {
    long writes = 2L * accounts;
    double writeSeconds = windows(writes, Math.round(3000 * scale)) * 150.0;
    double resourceSeconds = windows(writes, Math.round(8000 * scale)) * 10.0;
    long confirmCalls = (accounts + IDS_PER_CONFIRM - 1) / IDS_PER_CONFIRM;
    double identitySeconds = windows(confirmCalls, Math.max(1, Math.round(scale)));
    double worst = Math.max(writeSeconds, Math.max(resourceSeconds, identitySeconds));
    String binding =
        worst == writeSeconds && worst > 0
            ? String.format(
                Locale.ROOT, "%d writes / %d per 150 s", writes, Math.round(3000 * scale))
            : worst == identitySeconds && worst > 0
                ? String.format(
                    Locale.ROOT,
                    "%d confirmCompromised calls / %d per s",
                    confirmCalls,
                    Math.max(1, Math.round(scale)))
                : "latency only";
    return new LowerBound(worst + latencyMs / 1000.0, binding);
  }

  /** Extra windows beyond the first one needed for {@code amount} at {@code perWindow}. */
  private static long windows(long amount, long perWindow) {
    return amount == 0 ? 0 : (amount + perWindow - 1) / perWindow - 1;
  }
}
