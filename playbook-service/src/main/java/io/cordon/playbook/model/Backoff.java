package io.cordon.playbook.model;

/**
 * Capped exponential backoff: the n-th retry waits {@code min(max, initial * multiplier^(n-1))}.
 */
public record Backoff(DurationSpec initial, DurationSpec max, Double multiplier) {

  public static final double DEFAULT_MULTIPLIER = 2.0;
  public static final Backoff DEFAULT =
      new Backoff(DurationSpec.parse("30s"), DurationSpec.parse("5m"), DEFAULT_MULTIPLIER);

  public Backoff {
    multiplier = multiplier == null ? DEFAULT_MULTIPLIER : multiplier;
  }
}
