package io.cordon.playbook.service.incident;

import java.time.Instant;

/**
 * An account as evidence names it.
 *
 * @param activityAt the activity the evidence describes, or null when it gives none
 */
public record NamedAccount(String objectId, String userPrincipalName, Instant activityAt) {

  /** Of two mentions of one account, the one with the latest activity. */
  static NamedAccount later(NamedAccount one, NamedAccount other) {
    if (one.activityAt() == null) {
      return other.activityAt() == null ? one : other;
    }
    return other.activityAt() != null && other.activityAt().isAfter(one.activityAt()) ? other : one;
  }
}
