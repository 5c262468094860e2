package io.cordon.system;

import io.cordon.local.StackOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code deploy/local/run.sh} started as a user starts it, as a process of its own, in its own
 * session (and so its own process group, as a terminal gives it): Ctrl-C is SIGINT to that group.
 * The stack's processes are told by that session, plus the PostgreSQL server, which detaches into a
 * session of its own and is found through its pid file in the work directory. Linux only ({@code
 * setsid}, {@code /proc}).
 */
final class LaunchedStack implements AutoCloseable {
  private final Process launcher;
  private final Path workDirectory;
  private final Path output;

  private LaunchedStack(Process launcher, Path workDirectory, Path output) {
    this.launcher = launcher;
    this.workDirectory = workDirectory;
    this.output = output;
  }

  static LaunchedStack start(Path workDirectory, StackOptions.Ports ports, String... options)
      throws IOException {
    Path repository = RunningStack.repositoryRoot();
    Files.createDirectories(workDirectory);
    Path output = Files.createTempFile(workDirectory.getParent(), "launcher-", ".log");
    List<String> command = new ArrayList<>();
    command.add("setsid");
    command.add(repository.resolve("deploy/local/run.sh").toString());
    command.add("--work-dir=" + workDirectory);
    command.add("--ports=" + portsOption(ports));
    command.addAll(List.of(options));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    // run.sh starts `java` from the PATH: the JDK running these tests
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    builder.environment().merge("PATH", javaBin.toString(), (path, java) -> java + ":" + path);
    return new LaunchedStack(builder.start(), workDirectory, output);
  }

  private static String portsOption(StackOptions.Ports ports) {
    return String.join(
        ",",
        "account:" + ports.account(),
        "playbook:" + ports.playbook(),
        "notification:" + ports.notification(),
        "simulator:" + ports.simulator(),
        "kafka:" + ports.kafka(),
        "postgres:" + ports.postgres(),
        "receiver:" + ports.receiver());
  }

  long pid() {
    return launcher.pid();
  }

  boolean isAlive() {
    return launcher.isAlive();
  }

  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ctrl-C at the terminal: SIGINT to every process of the launcher's group. */
  void pressCtrlC() throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("bash", "-c", "kill -INT -- -\"$1\"", "kill", Long.toString(pid()))
            .inheritIO()
            .start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -INT of process group " + pid() + " failed");
    }
  }

  /** {@code kill -9} of the launcher alone: no stop of any kind runs. */
  void killLauncher() {
    launcher.destroyForcibly();
  }

  /** Every live process of the stack: the launcher's session and the PostgreSQL server. */
  Set<Long> processes() {
    Set<Long> processes = new HashSet<>(sessionProcesses());
    postmaster().ifPresent(processes::add);
    return processes;
  }

  Set<Long> sessionProcesses() {
    Set<Long> members = new HashSet<>();
    try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
      proc.filter(dir -> dir.getFileName().toString().matches("\\d+"))
          .forEach(
              dir ->
                  sessionOf(dir)
                      .filter(session -> session == pid())
                      .ifPresent(
                          session -> members.add(Long.parseLong(dir.getFileName().toString()))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return members;
  }

  // /proc/<pid>/stat: "pid (comm) state ppid pgrp session ..."; comm may hold spaces and ')'
  private static Optional<Long> sessionOf(Path processDirectory) {
    try {
      String stat = Files.readString(processDirectory.resolve("stat"));
      String[] afterCommand = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(Long.parseLong(afterCommand[3]));
    } catch (IOException | RuntimeException exitedMeanwhile) {
      return Optional.empty();
    }
  }

  /** The live PostgreSQL server of this stack's work directory. */
  Optional<Long> postmaster() {
    try {
      List<String> pidFile = Files.readAllLines(workDirectory.resolve("postgres/postmaster.pid"));
      return Optional.of(Long.parseLong(pidFile.get(0).trim()))
          .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    } catch (IOException | RuntimeException noServer) {
      return Optional.empty();
    }
  }

  static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 300);
      return true;
    } catch (IOException nothingListens) {
      return false;
    }
  }

  /** Whatever a failed test left running is killed, so it cannot disturb the next test. */
  @Override
  public void close() {
    processes().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }
}
