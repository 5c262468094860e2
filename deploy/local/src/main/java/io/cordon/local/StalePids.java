package io.cordon.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Process ids of the stack's children, kept in a file: a launcher killed without running its
 * shutdown hook (kill -9, a closed terminal) leaves its services behind, and the next start ends
 * them before it needs their ports.
 */
final class StalePids {
  private final Path file;

  StalePids(Path file) {
    this.file = file;
  }

  void record(String name, long pid) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          name + " " + pid + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void killLeftovers(Consumer<String> log) {
    if (!Files.exists(file)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 2) {
          continue;
        }
        ProcessHandle.of(Long.parseLong(parts[1]))
            .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(false))
            .ifPresent(
                p -> {
                  log.accept(
                      "Stopping " + parts[0] + " (pid " + p.pid() + ") left by an earlier run");
                  p.destroyForcibly();
                });
      }
      clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
