package io.cordon.playbook.model;

/**
 * Further attempts of a step's action after a failed or timed-out attempt.
 *
 * @param maxAttempts attempts in all, the first one included (1 means no retry)
 * @param backoff the wait between attempts; the default when the playbook gives none
 */
public record Retry(int maxAttempts, Backoff backoff) {

  public Retry {
    backoff = backoff == null ? Backoff.DEFAULT : backoff;
  }
}
