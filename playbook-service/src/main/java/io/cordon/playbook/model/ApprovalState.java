package io.cordon.playbook.model;

import java.util.Locale;

/** Lifecycle of an approval request. */
public enum ApprovalState {
  PENDING,
  APPROVED,
  REJECTED,
  /** Nobody decided before the timeout; the step's {@code onTimeout} was applied. */
  EXPIRED,
  /** The run was cancelled while the approval was pending. */
  CANCELLED;

  /** Accepts {@code pending} as well as {@code PENDING}; null when the text is no state. */
  public static ApprovalState parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
