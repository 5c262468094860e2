package io.cordon.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL server of one data directory, found through the {@code postmaster.pid} that
 * PostgreSQL writes there. The embedded server detaches itself from the launcher (pg_ctl starts it
 * in its own session), so it outlives a launcher killed with {@code kill -9} and never sees the
 * terminal's Ctrl-C: the stack finds it here, both when it stops and when it starts next.
 */
final class Postmaster {
  private final Path dataDirectory;

  Postmaster(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  /** The live server of this data directory, if any. */
  Optional<ProcessHandle> running() {
    return pidFromFile()
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        // a pid file outlives a reboot, and its pid may belong to another program by now
        .filter(process -> ProcessCommandLine.mentions(process, dataDirectory.toString()));
  }

  /**
   * Stops the server if it runs: SIGTERM (PostgreSQL's smart shutdown, immediate once no client is
   * connected), SIGKILL after {@code grace}. Returns the pid it stopped.
   */
  Optional<Long> stop(Duration grace) throws InterruptedException {
    Optional<ProcessHandle> server = running();
    if (server.isEmpty()) {
      return Optional.empty();
    }
    ProcessHandle process = server.get();
    process.destroy();
    if (!awaitExit(process, grace)) {
      process.destroyForcibly();
      awaitExit(process, Duration.ofSeconds(5));
    }
    return Optional.of(process.pid());
  }

  /**
   * Kills every process working on this data directory (initdb, pg_ctl, the server itself): a stop
   * that comes while PostgreSQL starts cuts the start short instead of waiting seconds for it.
   */
  void killStartUnderWay() {
    String directory = dataDirectory.toString();
    ProcessHandle.allProcesses()
        .filter(process -> process.pid() != ProcessHandle.current().pid())
        .filter(process -> ProcessCommandLine.mentions(process, directory))
        .forEach(ProcessHandle::destroyForcibly);
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout)
      throws InterruptedException {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    }
  }

  private Optional<Long> pidFromFile() {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException noServerOrNotYetWritten) {
      return Optional.empty();
    }
  }
}
