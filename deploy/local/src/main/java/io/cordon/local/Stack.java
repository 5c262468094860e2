package io.cordon.local;

import io.cordon.embedded.KafkaBrokerControl;
import io.cordon.embedded.LocalInfrastructure;
import io.cordon.embedded.PostgresServerControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The whole local stack: PostgreSQL and Kafka inside this JVM (PostgreSQL's server runs detached,
 * its data under the work directory), the graph-simulator and the three services as their own
 * processes. {@link #start()} first clears what a killed launcher left in the work directory;
 * {@link #close()} stops the processes first (they drain to Kafka and PostgreSQL), then the
 * infrastructure, see {@link StackStop}.
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
  private final Map<String, List<String>> extraJvmOptions = new LinkedHashMap<>();
  private final StalePids pids;
  private final Postmaster postmaster;
  // held by each start step, and taken by close(): a stop waits for the step under way (a
  // PostgreSQL start, a process launch) instead of racing it; no step begins once `closed` is set
  private final ReentrantLock lifecycle = new ReentrantLock();
  private final Object stopping = new Object();
  private volatile boolean closed;

  public Stack(StackOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
    this.pids = new StalePids(options.workDirectory().resolve("pids"), options.workDirectory());
    this.postmaster = new Postmaster(options.workDirectory().resolve("postgres"));
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

  /**
   * Extra JVM options for one process, after ServiceSpecs' own (the system tests' simulator on C1,
   * the benchmark's trials of the services' JVM). Call before {@link #start()}.
   */
  public Stack withExtraJvmOptions(String process, List<String> options) {
    extraJvmOptions.computeIfAbsent(process, p -> new ArrayList<>()).addAll(options);
    return this;
  }

  public void start() throws IOException, InterruptedException {
    Files.createDirectories(options.logs());
    step(
        () -> {
          new Leftovers(pids, postmaster, kafkaLog(), progress).clear();
          PortsInUse.refuse(options.ports());
        });
    progress.accept("Starting PostgreSQL and Kafka ...");
    step(
        () ->
            postgres =
                LocalInfrastructure.postgres(
                    options.ports().postgres(), postmaster.dataDirectory()));
    step(() -> kafka = LocalInfrastructure.kafka(options.ports().kafka(), 3, kafkaLog()));
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

  private void launch(ManagedProcess.ProcessSpec spec) throws IOException, InterruptedException {
    step(
        () -> {
          ManagedProcess process = ManagedProcess.start(withExtras(spec));
          processes.put(spec.name(), process);
          pids.record(spec.name(), process.pid());
        });
  }

  private interface Step {
    void run() throws IOException, InterruptedException;
  }

  private void step(Step step) throws IOException, InterruptedException {
    lifecycle.lock();
    try {
      if (closed) {
        throw new IOException("the stack is stopping");
      }
      step.run();
    } finally {
      lifecycle.unlock();
    }
  }

  private Path kafkaLog() {
    return options.workDirectory().resolve("kafka");
  }

  ManagedProcess.ProcessSpec withExtras(ManagedProcess.ProcessSpec spec) {
    return spec.with(
        extraProperties.getOrDefault(spec.name(), Map.of()),
        extraJvmOptions.getOrDefault(spec.name(), List.of()));
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

  /**
   * Stops everything this stack started, in order (services, Kafka, PostgreSQL), in under 10 s.
   * Safe to call from any thread and more than once; a second caller waits for the first to finish.
   */
  @Override
  public void close() {
    synchronized (stopping) {
      if (closed) {
        return;
      }
      // set before waiting: the start step under way finishes, no further step begins
      closed = true;
      List<ManagedProcess> started;
      try {
        while (!lifecycle.tryLock(100, TimeUnit.MILLISECONDS)) {
          // a PostgreSQL start under way fails at once instead of running to its end
          postmaster.killStartUnderWay();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        started = List.copyOf(processes.values());
      } finally {
        lifecycle.unlock();
      }
      try {
        new StackStop(progress).stop(started, kafka, postgres, postmaster);
        pids.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
