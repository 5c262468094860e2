package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cordon.local.StackOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/local/run.sh} as a user runs it: Ctrl-C stops every process and frees every port in
 * under 10 s whatever the stack is doing, and a start after a {@code kill -9} of the launcher ends
 * what the killed one left running (its services and the detached PostgreSQL server) and starts.
 * Every wait is for a state (output printed, port closed, process gone) with a deadline.
 */
class LocalStackStopIT {
  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
  // the services start in 40 s on a quiet 2-core machine, 100 s beside another build
  private static final Duration START_LIMIT = Duration.ofMinutes(5);
  private static final String SERVICES_LAUNCHING =
      "Starting graph-simulator and the three services";
  // the simulator and the three services, each a JVM of its own beside the launcher's
  private static final int SERVICE_JVMS = 4;

  @Test
  void ctrlCWhileTheServicesStartLeavesNoProcessAndNoPortWithinTenSeconds() throws Exception {
    StackOptions.Ports ports = freePorts();
    try (LaunchedStack stack = LaunchedStack.start(workDirectory("ctrl-c-at-start"), ports)) {
      awaitServicesLaunched(stack);

      stopWithCtrlC(stack, ports);
    }
  }

  @Test
  void aStartAfterKillMinus9EndsTheLeftoversAndCtrlCDuringTheDemoStopsIt() throws Exception {
    StackOptions.Ports ports = freePorts();
    Path workDirectory = workDirectory("after-kill-9");
    Set<Long> leftovers;
    try (LaunchedStack killed = LaunchedStack.start(workDirectory, ports)) {
      awaitServicesLaunched(killed);
      killed.killLauncher();
      await(
          "the launcher gone after kill -9",
          Duration.ofSeconds(10),
          () -> !killed.isAlive(),
          killed::output);
      leftovers = killed.processes();
      assertThat(leftovers)
          .as("a kill -9 leaves the services and PostgreSQL running")
          .hasSizeGreaterThanOrEqualTo(SERVICE_JVMS + 1);
      assertThat(LaunchedStack.listens(ports.postgres())).as("PostgreSQL's port").isTrue();

      try (LaunchedStack next = LaunchedStack.start(workDirectory, ports, "--demo")) {
        await(
            "the next start up",
            START_LIMIT,
            () -> next.output().contains("Cordon is up."),
            next::output);
        assertThat(leftovers.stream().filter(LaunchedStack::isAlive))
            .as("what the killed launcher left, once the next start is up")
            .isEmpty();
        assertThat(next.output()).contains("left by an earlier run");
        await(
            "the demo incident submitted",
            START_LIMIT,
            () -> next.output().contains("Submitted"),
            next::output);

        stopWithCtrlC(next, ports);
      }
    }
  }

  private static void awaitServicesLaunched(LaunchedStack stack) {
    await(
        "PostgreSQL and Kafka up, the simulator and the services launched",
        START_LIMIT,
        () ->
            stack.output().contains(SERVICES_LAUNCHING)
                && stack.sessionProcesses().size() >= 1 + SERVICE_JVMS,
        stack::output);
  }

  private static void stopWithCtrlC(LaunchedStack stack, StackOptions.Ports ports)
      throws Exception {
    Set<Long> processes = stack.processes();
    List<Integer> listening = listening(ports);
    assertThat(stack.postmaster()).as("PostgreSQL running before Ctrl-C").isPresent();
    long pressedAt = System.nanoTime();
    stack.pressCtrlC();
    await(
        "every process of the stack gone and every port closed after Ctrl-C",
        STOP_LIMIT,
        () ->
            processes.stream().noneMatch(LaunchedStack::isAlive)
                && stack.sessionProcesses().isEmpty()
                && listening(ports).isEmpty(),
        () ->
            "still running: "
                + processes.stream().filter(LaunchedStack::isAlive).toList()
                + " session: "
                + stack.sessionProcesses()
                + " listening: "
                + listening(ports)
                + "\n"
                + stack.output());
    System.out.printf(
        "FIGURES Ctrl-C: %d processes gone and %d ports closed in %.1f s%n",
        processes.size(), listening.size(), (System.nanoTime() - pressedAt) / 1e9);
    assertThat(stack.output()).contains("Stopped in");
  }

  private static List<Integer> listening(StackOptions.Ports ports) {
    return List.of(
            ports.account(),
            ports.playbook(),
            ports.notification(),
            ports.simulator(),
            ports.kafka(),
            ports.postgres(),
            ports.receiver())
        .stream()
        .filter(LaunchedStack::listens)
        .toList();
  }

  private static void await(
      String what, Duration limit, BooleanSupplier state, Supplier<String> whatWasSeen) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!state.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not reached within %d s: %s%n%s", limit.toSeconds(), what, whatWasSeen.get());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what);
      }
    }
  }

  private static Path workDirectory(String name) {
    return RunningStack.repositoryRoot().resolve("system-tests/target/stacks/stop-" + name);
  }

  private static StackOptions.Ports freePorts() {
    return new StackOptions.Ports(
        RunningStack.freePort(),
        RunningStack.freePort(),
        RunningStack.freePort(),
        RunningStack.freePort(),
        RunningStack.freePort(),
        RunningStack.freePort(),
        RunningStack.freePort());
  }
}
