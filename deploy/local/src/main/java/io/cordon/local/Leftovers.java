package io.cordon.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a launcher killed without its stop (kill -9, a crash) leaves in its work directory: the
 * services it launched (pids in {@code pids}), the embedded PostgreSQL server (it runs detached,
 * {@code postgres/postmaster.pid}) and the data of PostgreSQL and Kafka. A start clears them first,
 * so the ports are free and the databases fresh.
 */
final class Leftovers {
  private final StalePids pids;
  private final Postmaster postmaster;
  private final Path kafkaLog;
  private final Consumer<String> log;

  Leftovers(StalePids pids, Postmaster postmaster, Path kafkaLog, Consumer<String> log) {
    this.pids = pids;
    this.postmaster = postmaster;
    this.kafkaLog = kafkaLog;
    this.log = log;
  }

  void clear() throws IOException, InterruptedException {
    // the services first: the server stops at once when no client is left
    pids.killLeftovers(log);
    postmaster
        .stop(Duration.ofSeconds(5))
        .ifPresent(
            pid -> log.accept("Stopped PostgreSQL (pid " + pid + ") left by an earlier run"));
    FileTrees.delete(postmaster.dataDirectory());
    FileTrees.delete(kafkaLog);
  }
}
