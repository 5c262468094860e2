package io.cordon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.LocalTls;
import io.cordon.local.Stack;
import io.cordon.local.StackOptions;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.SimulatorApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cordon's containment throughput and latency against the graph-simulator (see docs/benchmarks.md).
 * {@code --quick}: 200 accounts and small samples only (development). Results are printed and
 * written to {@code benchmarks/target/results.md}.
 */
public final class Benchmarks {
  static final long LATENCY_MS = 50;

  /** Budgets (simulator and account-service) times this for the 10,000-account run. */
  static final double LARGE_RUN_SCALE = 10;

  /** account-service's budget for the engine-overhead run: high enough never to bind. */
  static final double UNBOUND_SCALE = 1000;

  // the containment steps of contain-compromised-account, in its order and scope, without its
  // clean-ups and approvals
  static final String PLAYBOOK = "bench-containment";
  static final String PLAYBOOK_YAML =
      """
      name: bench-containment
      description: Benchmark playbook - revoke sessions, confirm compromised, reset the password.
      steps:
        - id: revoke-sessions
          action: REVOKE_SESSIONS
        - id: confirm-compromised
          action: CONFIRM_COMPROMISED
        - id: reset-password
          action: RESET_PASSWORD
      """;
  // ServiceSpecs' simulator tenant and app (the local stack's fixed values)
  static final String TENANT = "9a3f6c2e-5b1d-4e7a-8c0f-3d2b1a0e9f77";
  static final String CLIENT_ID = "cordon-local-app";

  private final boolean quick;
  private final String[] args;
  private final Report report;
  private Stack stack;
  private CordonApi api;
  private SimulatorApi simulator;
  private int incidents;

  private Benchmarks(boolean quick, String[] args, Report report) {
    this.quick = quick;
    this.args = args;
    this.report = report;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Path root = Path.of(System.getProperty("cordon.repository", ".")).toAbsolutePath().normalize();
    Path out = root.resolve("benchmarks/target/results.md");
    Report report = new Report(out);
    Benchmarks benchmarks = new Benchmarks(quick, args, report);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (benchmarks.stack != null) {
                    benchmarks.stack.close();
                  }
                }));
    int status = 0;
    try {
      benchmarks.runAll(root);
    } catch (Exception e) {
      status = 1;
      report.line("\n**Aborted:** " + e);
      e.printStackTrace();
    } finally {
      if (benchmarks.stack != null) {
        benchmarks.stack.close();
      }
      report.write();
      System.out.println("Results written to " + out);
    }
    System.exit(status);
  }

  private void runAll(Path root) throws Exception {
    Settings settings = Settings.parse(args);
    report.header(Machine.describe(), quick, LATENCY_MS, settings.tenantUsers());
    report.line("- Settings: " + settings);
    startStack(root, settings);
    registerPlaybook();
    List<JsonNode> users = members(settings.membersNeeded());
    log("Tenant: " + settings.tenantUsers() + " users, " + users.size() + " cloud-only members");

    // Phase A: documented budgets (scale 1), 50 ms per request. Each measurement stands alone (a
    // failure is reported and the next one runs); the small ones first so a loaded machine still
    // yields them.
    Slices slices = new Slices(users);
    SequentialGraphScript.Result[] script = new SequentialGraphScript.Result[1];
    if (settings.scriptSample() > 0) {
      measure("script", () -> script[0] = scriptRun(slices.first(settings.scriptSample()), 1.0));
    }
    if (settings.warmUp() > 0) {
      List<JsonNode> accounts = slices.next(settings.warmUp());
      measure("warm-up", () -> report.warmUp(cordonRun(accounts, 1.0, null, false)));
    }
    for (int size : settings.sizes()) {
      List<JsonNode> accounts = slices.next(size);
      measure(
          "cordon " + size,
          () -> {
            CordonRun.Result run = cordonRun(accounts, 1.0, null);
            if (script[0] != null) {
              report.comparison(run, script[0], LowerBound.of(size, 1.0, LATENCY_MS), 1.0);
            }
          });
    }
    List<JsonNode> detected = slices.next(settings.detections());
    if (!detected.isEmpty()) {
      measure(
          "latency",
          () -> {
            resetSimulator(1.0, null);
            log("Single-account latency (POST /detections -> revokeSignInSessions at Graph) ...");
            double load = Machine.loadAverage();
            report.latency(
                DetectionLatency.measure(stack, api, detected, this::log), LoadWindow.since(load));
          });
    }

    // Phase B: many accounts, simulator and account-service budgets x LARGE_RUN_SCALE. Accounts
    // no earlier run contained: Cordon leaves out those an open incident already holds
    List<JsonNode> large = slices.next(settings.large());
    List<JsonNode> engine = slices.next(settings.engine());
    if (settings.large() > 0) {
      measure(
          "cordon large",
          () -> {
            relaunchAccountService(LARGE_RUN_SCALE);
            CordonRun.Result run = cordonRun(large, LARGE_RUN_SCALE, null);
            SequentialGraphScript.Result sample =
                scriptRun(slices.first(settings.scriptSample()), LARGE_RUN_SCALE);
            report.comparison(
                run,
                sample,
                LowerBound.of(settings.large(), LARGE_RUN_SCALE, LATENCY_MS),
                LARGE_RUN_SCALE);
          });
    }

    // Phase C: no latency, no throttling, account-service's budget out of the way: the engine
    if (settings.engine() > 0) {
      measure(
          "engine",
          () -> {
            relaunchAccountService(UNBOUND_SCALE);
            report.engine(cordonRun(engine, 1.0, "{\"enabled\":false}"), 3);
          });
    }
  }

  interface Measurement {
    void run() throws Exception;
  }

  private void measure(String name, Measurement measurement) {
    try {
      measurement.run();
    } catch (Exception e) {
      log(name + " failed: " + e);
      report.line("\n**" + name + " failed:** `" + e + "`");
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Consecutive, disjoint slices of the member list (each run gets accounts no run had). */
  static final class Slices {
    private final List<JsonNode> users;
    private int offset;

    Slices(List<JsonNode> users) {
      this.users = users;
    }

    List<JsonNode> first(int size) {
      return users.subList(0, size);
    }

    List<JsonNode> next(int size) {
      List<JsonNode> slice = users.subList(offset, offset + size);
      offset += size;
      return slice;
    }
  }

  private void startStack(Path root, Settings settings) throws IOException, InterruptedException {
    int tenantUsers = settings.tenantUsers();
    StackOptions.Ports ports =
        new StackOptions.Ports(
            freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    StackOptions options =
        StackOptions.defaults(root).withPorts(ports, root.resolve("benchmarks/target/stack"));
    stack = new Stack(options, this::log);
    stack.withExtraProperties(
        "graph-simulator",
        Map.of(
            "sim.seed.generate-users",
            Integer.toString(tenantUsers),
            "sim.throttle.tenant-size",
            "large",
            "sim.faults.latency",
            LATENCY_MS + "ms"));
    stack.withExtraProperties("account-service", Map.of("cordon.graph.budget.scale", "1.0"));
    for (String service : List.of("account-service", "playbook-service", "notification-service")) {
      stack.withExtraJvmOptions(service, settings.serviceJvm());
    }
    stack.start();
    api = new CordonApi(stack.httpClient());
    simulator = new SimulatorApi(api, stack.simulatorUrl());
  }

  private void registerPlaybook() throws IOException, InterruptedException {
    URI url = stack.serviceUrl("playbook-service").resolve("/api/v1/playbooks/" + PLAYBOOK);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Authorization", "Bearer " + stack.roleToken("admin"))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(PLAYBOOK_YAML))
            .build();
    CordonApi.expectSuccess(api.send(request), url);
    log("Playbook " + PLAYBOOK + " registered (revoke, confirm-compromised, reset; per account)");
  }

  private List<JsonNode> members(int wanted) throws IOException, InterruptedException {
    List<JsonNode> members = new ArrayList<>();
    for (JsonNode user : simulator.users()) {
      if (user.path("kind").asText().equals("member") && members.size() < wanted) {
        members.add(user);
      }
    }
    if (members.size() < wanted) {
      throw new IllegalStateException("only " + members.size() + " members, need " + wanted);
    }
    return members;
  }

  private CordonRun.Result cordonRun(List<JsonNode> users, double scale, String throttle)
      throws IOException, InterruptedException {
    return cordonRun(users, scale, throttle, true);
  }

  private CordonRun.Result cordonRun(
      List<JsonNode> users, double scale, String throttle, boolean measured)
      throws IOException, InterruptedException {
    resetSimulator(scale, throttle);
    if (throttle != null) {
      simulator.putFaults("{\"latencyMs\":0}");
    }
    log(
        String.format(
            "Cordon: %d accounts (budget scale %s%s) ...",
            users.size(), scale, throttle == null ? "" : ", unthrottled, 0 ms"));
    double load = Machine.loadAverage();
    List<String> upns = users.stream().map(u -> u.path("userPrincipalName").asText()).toList();
    CordonRun.Result result =
        new CordonRun(stack, api, simulator, this::log)
            .run("bench-" + Instant.now().getEpochSecond() + "-" + (++incidents), PLAYBOOK, upns);
    if (measured) {
      report.cordon(result, scale, throttle != null, LoadWindow.since(load));
    }
    return result;
  }

  private SequentialGraphScript.Result scriptRun(List<JsonNode> users, double scale)
      throws Exception {
    resetSimulator(scale, null);
    log("Sequential Graph SDK script: " + users.size() + " users (budget scale " + scale + ") ...");
    double load = Machine.loadAverage();
    SequentialGraphScript script =
        new SequentialGraphScript(
            stack.simulatorUrl(), TENANT, CLIENT_ID, stack.tls().trustStore(), LocalTls.PASSWORD);
    SequentialGraphScript.Result result =
        script.run(users.stream().map(u -> u.path("id").asText()).toList(), this::log);
    JsonNode counts = simulator.counts();
    report.script(result, scale, counts, LoadWindow.since(load));
    return result;
  }

  private void resetSimulator(double scale, String throttle)
      throws IOException, InterruptedException {
    simulator.reset();
    if (scale != 1.0) {
      simulator.putThrottle("{\"scale\":" + scale + "}");
    }
    if (throttle != null) {
      simulator.putThrottle(throttle);
    }
  }

  private void relaunchAccountService(double scale) throws IOException, InterruptedException {
    log("Restarting account-service with cordon.graph.budget.scale=" + scale + " ...");
    stack.relaunch("account-service", Map.of("cordon.graph.budget.scale", Double.toString(scale)));
  }

  private void log(String line) {
    System.out.printf("[%tT] %s%n", System.currentTimeMillis(), line);
    System.out.flush();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
