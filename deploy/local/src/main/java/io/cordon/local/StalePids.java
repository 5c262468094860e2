package io.cordon.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Process ids of the stack's children, kept in a file as each one is launched: a launcher killed
 * without running its stop (kill -9, a crash) leaves its services behind, holding their ports, and
 * the next start ends them before it needs those ports.
 */
final class StalePids {
  private static final long EXIT_WAIT_SECONDS = 10;

  private final Path file;
  // only a process whose command line names this stack's work directory is ever ended
  private final String workDirectory;

  StalePids(Path file, Path workDirectory) {
    this.file = file;
    this.workDirectory = workDirectory.toString();
  }

  synchronized void record(String name, long pid) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, name + " " + pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kills (SIGKILL: their Kafka and PostgreSQL went with the old launcher, a graceful stop would
   * only wait on them) every recorded process still running, waits until they are gone, so their
   * ports are free, and forgets them.
   */
  synchronized void killLeftovers(Consumer<String> log) throws InterruptedException {
    List<ProcessHandle> killed = new ArrayList<>();
    for (String line : recorded()) {
      String[] parts = line.trim().split(" ");
      if (parts.length != 2) {
        continue;
      }
      ProcessHandle.of(Long.parseLong(parts[1]))
          .filter(ProcessHandle::isAlive)
          .filter(process -> ProcessCommandLine.mentions(process, workDirectory))
          .ifPresent(
              process -> {
                log.accept(
                    "Stopping " + parts[0] + " (pid " + process.pid() + ") left by an earlier run");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                killed.add(process);
              });
    }
    for (ProcessHandle process : killed) {
      awaitExit(process);
    }
    clear();
  }

  private List<String> recorded() {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitExit(ProcessHandle process) throws InterruptedException {
    try {
      process.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "pid " + process.pid() + " left by an earlier run did not exit after SIGKILL", e);
    }
  }

  synchronized void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
