package io.cordon.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Quarkus application started as its own JVM ({@code java -jar quarkus-run.jar}) with its
 * configuration as {@code -D} options and secrets as environment variables (never on the command
 * line, where {@code ps} would show them). Output goes to {@code <logs>/<name>.log}.
 */
public final class ManagedProcess implements AutoCloseable {
  private final String name;
  private final ProcessSpec spec;
  private Process process;

  public record ProcessSpec(
      String name,
      Path jar,
      Map<String, String> properties,
      Map<String, String> environment,
      Path logFile,
      List<String> jvmOptions) {

    /**
     * This spec with {@code extraProperties} over its own {@code -D} options and {@code
     * extraJvmOptions} after its JVM options (the JVM takes the last of two that disagree).
     */
    public ProcessSpec with(Map<String, String> extraProperties, List<String> extraJvmOptions) {
      if (extraProperties.isEmpty() && extraJvmOptions.isEmpty()) {
        return this;
      }
      Map<String, String> mergedProperties = new LinkedHashMap<>(properties);
      mergedProperties.putAll(extraProperties);
      List<String> mergedJvmOptions = new ArrayList<>(jvmOptions);
      mergedJvmOptions.addAll(extraJvmOptions);
      return new ProcessSpec(
          name, jar, mergedProperties, environment, logFile, List.copyOf(mergedJvmOptions));
    }
  }

  private ManagedProcess(ProcessSpec spec) {
    this.name = spec.name();
    this.spec = spec;
  }

  public static ManagedProcess start(ProcessSpec spec) throws IOException {
    ManagedProcess managed = new ManagedProcess(spec);
    managed.launch();
    return managed;
  }

  private void launch() throws IOException {
    if (!Files.isRegularFile(spec.jar())) {
      throw new IOException(
          spec.jar() + " is missing: build first with ./mvnw -DskipTests package (run.sh does)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmOptions());
    spec.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(spec.jar().toString());
    Files.createDirectories(spec.logFile().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
    builder.environment().putAll(spec.environment());
    process = builder.start();
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public Path logFile() {
    return spec.logFile();
  }

  /** Like {@code kill -9}: no shutdown hook, no graceful stop (crash tests). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Starts the same command again after a stop or a kill; the log file is appended to. */
  public void restart() throws IOException {
    if (isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    launch();
  }

  /** Asks the process to stop (SIGTERM: Quarkus shuts down gracefully) and returns at once. */
  public void requestStop() {
    if (isAlive()) {
      process.destroy();
    }
  }

  /**
   * Waits until the process has exited, or until {@code deadlineNanos} ({@link System#nanoTime}).
   */
  public boolean awaitExit(long deadlineNanos) throws InterruptedException {
    if (process == null) {
      return true;
    }
    long left = Math.max(0, deadlineNanos - System.nanoTime());
    return process.waitFor(left, TimeUnit.NANOSECONDS);
  }

  /** SIGKILL for the process and whatever it started (those first, before they are orphaned). */
  public void killTree() {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL after {@code grace}. */
  public void stop(Duration grace) throws InterruptedException {
    if (!isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(20));
  }
}
