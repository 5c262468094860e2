package io.cordon.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The compromise window of the cleanup actions (docs/playbooks.md "Compromise window"): how far
 * back from the report an account is taken to be in the attacker's hands when the evidence names no
 * earlier time.
 */
@ConfigMapping(prefix = "cordon.compromise-window")
public interface CompromiseWindowConfig {
  /**
   * Used when neither a {@code first_seen} nor a detection's activity time is known: the window
   * starts this long before the report was received. Also bounds which reports of the account are
   * read for the window (those received this long before the action was requested).
   */
  @WithDefault("P30D")
  Duration lookBack();
}
