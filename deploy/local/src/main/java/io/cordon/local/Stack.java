package io.cordon.local;

import io.cordon.testsupport.KafkaBrokerControl;
import io.cordon.testsupport.LocalInfrastructure;
import io.cordon.testsupport.PostgresServerControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole local stack: PostgreSQL and Kafka inside this JVM, the graph-simulator and the three
 * services as their own processes. {@link #close()} stops the processes first (they drain to Kafka
 * and PostgreSQL), then the infrastructure.
 */
public final class Stack implements AutoCloseable {
  // a loaded CI machine may need longer: -Dcordon.stack.start-timeout-seconds=600
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.getLong("cordon.stack.start-timeout-seconds", 240));

  private final StackOptions options;
  private final Consumer<String> progress;
  private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
  private PostgresServerControl postgres;
  private KafkaBrokerControl kafka;
  private LocalTls tls;
  private DevTokens tokens;
  private Map<String, String> roleTokens;
  private ServiceSpecs specs;
  // per process: extra -D options on top of ServiceSpecs' documented keys (benchmarks, load runs)
  private final Map<String, Map<String, String>> extraProperties = new LinkedHashMap<>();

  public Stack(StackOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Extra {@code -D} options for one process ({@code graph-simulator}, {@code account-service},
   * ...), e.g. the simulator's {@code sim.faults.latency} or account-service's {@code
   * cordon.graph.budget.scale}; they win over ServiceSpecs' values. Call before {@link #start()}.
   */
  public Stack withExtraProperties(String process, Map<String, String> properties) {
    extraProperties.computeIfAbsent(process, p -> new LinkedHashMap<>()).putAll(properties);
    return this;
  }

  public void start() throws IOException, InterruptedException {
    Files.createDirectories(options.logs());
    progress.accept("Starting PostgreSQL and Kafka ...");
    postgres = LocalInfrastructure.postgres(options.ports().postgres());
    kafka = LocalInfrastructure.kafka(options.ports().kafka(), 3);
    progress.accept(
        "  PostgreSQL on localhost:"
            + postgres.getPort()
            + ", Kafka on "
            + kafka.getBootstrapServers());
    tls = LocalTls.create(options.workDirectory().resolve("tls"));
    tokens = DevTokens.create(options.workDirectory().resolve("keys"));
    roleTokens = tokens.writeRoleTokens(options.tokens());
    specs =
        new ServiceSpecs(
            options, tls, tokens, "localhost:" + postgres.getPort(), kafka.getBootstrapServers());

    progress.accept(
        "Starting graph-simulator and the three services (logs in " + options.logs() + ") ...");
    launch(specs.simulator());
    launch(specs.accountService());
    launch(specs.playbookService());
    launch(specs.notificationService());
    new Readiness(httpClient()).await(readinessTargets(), START_TIMEOUT, progress);
  }

  private void launch(ManagedProcess.ProcessSpec spec) throws IOException {
    processes.put(spec.name(), ManagedProcess.start(withExtras(spec)));
  }

  private ManagedProcess.ProcessSpec withExtras(ManagedProcess.ProcessSpec spec) {
    Map<String, String> extras = extraProperties.getOrDefault(spec.name(), Map.of());
    if (extras.isEmpty()) {
      return spec;
    }
    Map<String, String> properties = new LinkedHashMap<>(spec.properties());
    properties.putAll(extras);
    return new ManagedProcess.ProcessSpec(
        spec.name(), spec.jar(), properties, spec.environment(), spec.logFile(), spec.jvmOptions());
  }

  /**
   * Stops one service and starts it again with these extra {@code -D} options added (same ports,
   * same database): a different setting without restarting the whole stack.
   */
  public void relaunch(String name, Map<String, String> properties)
      throws IOException, InterruptedException {
    processes.get(name).stop(Duration.ofSeconds(30));
    withExtraProperties(name, properties);
    ManagedProcess.ProcessSpec spec =
        switch (name) {
          case "graph-simulator" -> specs.simulator();
          case "account-service" -> specs.accountService();
          case "playbook-service" -> specs.playbookService();
          case "notification-service" -> specs.notificationService();
          default -> throw new IllegalArgumentException(name);
        };
    launch(spec);
    awaitReady(name);
  }

  private List<Readiness.Target> readinessTargets() {
    List<Readiness.Target> targets = new ArrayList<>();
    for (ManagedProcess process : processes.values()) {
      targets.add(new Readiness.Target(process, readyUrl(process.name())));
    }
    return targets;
  }

  public URI readyUrl(String name) {
    return name.equals("graph-simulator")
        ? simulatorUrl().resolve("/_sim/health")
        : serviceUrl(name).resolve("/q/health/ready");
  }

  public URI serviceUrl(String service) {
    return URI.create("http://localhost:" + specs.port(service));
  }

  public URI simulatorUrl() {
    return URI.create("https://localhost:" + options.ports().simulator());
  }

  /** A client that trusts the stack's local certificate (simulator, receiver). */
  public HttpClient httpClient() {
    return HttpClient.newBuilder()
        .sslContext(tls.clientContext())
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public ManagedProcess process(String name) {
    return processes.get(name);
  }

  public PostgresServerControl postgres() {
    return postgres;
  }

  public KafkaBrokerControl kafka() {
    return kafka;
  }

  public LocalTls tls() {
    return tls;
  }

  public DevTokens tokens() {
    return tokens;
  }

  public String roleToken(String role) {
    return roleTokens.get(role);
  }

  public StackOptions options() {
    return options;
  }

  /** Waits for a restarted process to be ready again. */
  public void awaitReady(String name) throws IOException, InterruptedException {
    new Readiness(httpClient())
        .await(
            List.of(new Readiness.Target(processes.get(name), readyUrl(name))),
            START_TIMEOUT,
            progress);
  }

  @Override
  public void close() {
    List<ManagedProcess> reversed = new ArrayList<>(processes.values());
    java.util.Collections.reverse(reversed);
    for (ManagedProcess process : reversed) {
      try {
        process.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // PostgreSQL and Kafka stop through their own shutdown hooks when this JVM exits
  }
}
