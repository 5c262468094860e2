package io.cordon.cli.client;

import java.time.Duration;

/** Waits; tests replace it so that retries and polling do not cost wall-clock time. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
