package io.cordon.system;

import io.cordon.embedded.FreePorts;
import io.cordon.local.LocalTls;
import io.cordon.local.Stack;
import io.cordon.local.StackOptions;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.IncidentFollower;
import io.cordon.local.demo.SimulatorApi;
import io.cordon.local.demo.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The local stack exactly as {@code deploy/local/run.sh} starts it (same launcher, same jars, real
 * processes), on free ports so it never collides with a stack a developer is running.
 */
final class RunningStack implements AutoCloseable {
  final Stack stack;
  final WebhookReceiver receiver;
  final CordonApi api;
  final SimulatorApi simulator;
  final IncidentFollower follower;

  private RunningStack(Stack stack, WebhookReceiver receiver) {
    this.stack = stack;
    this.receiver = receiver;
    this.api = new CordonApi(stack.httpClient());
    this.simulator = new SimulatorApi(api, stack.simulatorUrl());
    this.follower =
        new IncidentFollower(
            api,
            stack.serviceUrl("account-service"),
            stack.serviceUrl("playbook-service"),
            stack.serviceUrl("notification-service"),
            stack.roleToken("viewer"),
            System.out::println);
  }

  static RunningStack start(String name) throws IOException, InterruptedException {
    return start(name, 0);
  }

  /** {@code generatedUsers} > 0: a synthetic simulator tenant of that size (big incidents). */
  static RunningStack start(String name, int generatedUsers)
      throws IOException, InterruptedException {
    return start(name, generatedUsers, repositoryRoot());
  }

  static Path repositoryRoot() {
    return Path.of(System.getProperty("cordon.repository", "..")).toAbsolutePath().normalize();
  }

  /** {@code root}: the repository, or a snapshot of its built jars (see ReliabilityStack). */
  static RunningStack start(String name, int generatedUsers, Path root)
      throws IOException, InterruptedException {
    return start(name, generatedUsers, root, Map.of());
  }

  /**
   * {@code settings}: extra {@code -D} options per process ({@code account-service}, ...) on top of
   * the ones the local stack gives it, also after a restart of that process.
   */
  static RunningStack start(
      String name, int generatedUsers, Path root, Map<String, Map<String, String>> settings)
      throws IOException, InterruptedException {
    return start(name, generatedUsers, root, ports -> settings);
  }

  /** {@code settings} made once the stack's ports are chosen (e.g. a URL naming the simulator). */
  static RunningStack start(
      String name,
      int generatedUsers,
      Path root,
      Function<StackOptions.Ports, Map<String, Map<String, String>>> settings)
      throws IOException, InterruptedException {
    StackOptions.Ports ports =
        new StackOptions.Ports(
            freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    StackOptions options =
        StackOptions.defaults(root)
            .withPorts(ports, root.resolve("system-tests/target/stacks/" + name))
            .withGeneratedUsers(generatedUsers);
    Stack stack = new Stack(options, line -> System.out.println("[" + name + "] " + line));
    settings.apply(ports).forEach(stack::withExtraProperties);
    // the simulator on C1 too, as the services (ServiceSpecs) and the test JVMs (root pom's
    // argLine): the system tests run two stacks at once on two cores and pay mostly for starts
    stack.withExtraJvmOptions("graph-simulator", List.of("-XX:TieredStopAtLevel=1"));
    try {
      stack.start();
      WebhookReceiver receiver =
          WebhookReceiver.start(ports.receiver(), stack.tls().keyStore(), LocalTls.PASSWORD);
      return new RunningStack(stack, receiver);
    } catch (IOException | RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  String token(String role) {
    return stack.roleToken(role);
  }

  /** Never one handed out before in this JVM, e.g. to the in-process broker's controller. */
  static int freePort() {
    return FreePorts.find();
  }

  @Override
  public void close() {
    receiver.close();
    stack.close();
  }
}
