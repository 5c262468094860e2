package io.cordon.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.FileTrees;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.DemoPartners;
import io.cordon.local.demo.IncidentCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One local stack for every reliability test class in this JVM (a stack start costs one to three
 * minutes on a loaded CI machine): started on first use, the demo partners registered once, stopped
 * when the test JVM exits.
 */
final class ReliabilityStack {
  /** Accounts per drill incident; {@code -Dcordon.reliability.accounts=2000} for the big one. */
  static final int ACCOUNTS = Integer.getInteger("cordon.reliability.accounts", 100);

  /**
   * What the drills wait out, shortened from the production defaults, each still longer than what
   * it must outlast, so every drill proves the same in less time (docs/benchmarks.md, "Where the
   * suite's time goes"):
   *
   * <ul>
   *   <li>Kafka's consumer session (45 s by default): a service killed with {@code kill -9} never
   *       leaves its consumer group, and its restarted self gets the partitions only once the dead
   *       member's session has run out. 10 s, heartbeats every 3 s.
   *   <li>account-service's Graph request timeout (30 s): the storm holds requests past it ({@link
   *       GraphStormIT#STORM}), so each held request costs the timeout. 5 s: a simulator answer
   *       takes milliseconds, so only held requests reach it.
   *   <li>account-service's claim lease (20 s): a killed executor's claims, and those whose outcome
   *       a PostgreSQL crash lost, are checked in Graph once it runs out. 10 s (extended every 2.5
   *       s by a live executor).
   *   <li>account-service's longest retry backoff (60 s): with 30 % of requests refused a few
   *       requests see five or six refusals in a row, and the run waits for its slowest account; 4
   *       s at most between two attempts (the storm's Retry-After is 1 s).
   *   <li>notification-service's delivery claim lease (2 min): a killed instance's claimed
   *       deliveries are taken over once it runs out. 30 s, still twice the delivery timeout.
   * </ul>
   */
  static final Map<String, Map<String, String>> DRILL_SETTINGS =
      Map.of(
          "account-service",
          Map.of(
              "kafka.session.timeout.ms", "10000",
              "kafka.heartbeat.interval.ms", "3000",
              "cordon.graph.request-timeout", "5s",
              "cordon.executor.claim-lease", "10s",
              "cordon.graph.retry.max-backoff", "4s"),
          "playbook-service",
          Map.of("kafka.session.timeout.ms", "10000", "kafka.heartbeat.interval.ms", "3000"),
          "notification-service",
          Map.of(
              "kafka.session.timeout.ms", "10000",
              "kafka.heartbeat.interval.ms", "3000",
              "cordon.notification.delivery.claim-lease", "30s"));

  private static final String SNAPSHOT_PREFIX = "reliability-snapshot-";

  private static final StackPerJvm STACK =
      new StackPerJvm("reliability", ReliabilityStack::startWithPartners);
  private static Map<String, JsonNode> partners;
  private static JsonNode partnerDefinitions;
  private static Path incidentCsv;

  private ReliabilityStack() {}

  static RunningStack get() throws IOException, InterruptedException {
    return STACK.get();
  }

  private static RunningStack startWithPartners() throws IOException, InterruptedException {
    RunningStack running =
        RunningStack.start(
            "reliability",
            ACCOUNTS > 380 ? ACCOUNTS + 100 : 0,
            snapshotOfTheBuiltJars(),
            DRILL_SETTINGS);
    try {
      Path partnersFile = running.stack.options().partnersFile();
      JsonNode definitions = CordonApi.json().readTree(Files.readString(partnersFile));
      Map<String, JsonNode> registered =
          new DemoPartners(
                  running.api, running.stack.serviceUrl("notification-service"), running.receiver)
              .register(partnersFile, running.token("admin"));
      Path csv = writeIncidentCsv(running);
      synchronized (ReliabilityStack.class) {
        partnerDefinitions = definitions;
        partners = registered;
        incidentCsv = csv;
      }
      return running;
    } catch (IOException | RuntimeException e) {
      running.close();
      throw e;
    }
  }

  /**
   * Hard links to the four built applications and the demo files: the tests restart killed services
   * many minutes after the start, and a rebuild of a module in the same tree meanwhile (which
   * deletes and rewrites {@code target/quarkus-app}) must not pull the jars from under them. One
   * snapshot per JVM, named by its pid: a whole run starts reliability stacks in two failsafe forks
   * at once, and each stack's work directory lives in its snapshot. Snapshots of JVMs that are gone
   * are removed.
   */
  private static Path snapshotOfTheBuiltJars() throws IOException {
    Path repository = RunningStack.repositoryRoot();
    Path target = repository.resolve("system-tests/target");
    removeSnapshotsOfEndedJvms(target);
    Path snapshot = target.resolve(SNAPSHOT_PREFIX + ProcessHandle.current().pid());
    FileTrees.delete(snapshot);
    for (String module :
        List.of("account-service", "playbook-service", "notification-service", "graph-simulator")) {
      link(
          repository.resolve(module + "/target/quarkus-app"),
          snapshot.resolve(module + "/target/quarkus-app"));
    }
    link(repository.resolve("deploy/local/demo"), snapshot.resolve("deploy/local/demo"));
    return snapshot;
  }

  private static void removeSnapshotsOfEndedJvms(Path target) throws IOException {
    if (!Files.isDirectory(target)) {
      return;
    }
    try (Stream<Path> children = Files.list(target)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        String name = child.getFileName().toString();
        if (name.startsWith(SNAPSHOT_PREFIX)
            && !jvmAlive(name.substring(SNAPSHOT_PREFIX.length()))) {
          FileTrees.delete(child);
        }
      }
    }
  }

  private static boolean jvmAlive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException notOurs) {
      return true;
    }
  }

  private static void link(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createLink(target, file);
        }
      }
    }
  }

  /** The demo partners as in {@code partners.json} (scopes, expectedNotice). */
  static synchronized JsonNode partnerDefinitions() {
    return partnerDefinitions;
  }

  static synchronized Map<String, JsonNode> registeredPartners() {
    return partners;
  }

  /** A CSV of {@link #ACCOUNTS} accounts: the demo incident's first ones, then other users. */
  static synchronized Path incidentCsv() {
    return incidentCsv;
  }

  private static Path writeIncidentCsv(RunningStack running)
      throws IOException, InterruptedException {
    List<String> accounts = new ArrayList<>();
    for (String account : IncidentCsv.accounts(running.stack.options().incidentCsv())) {
      if (accounts.size() < ACCOUNTS) {
        accounts.add(account);
      }
    }
    // the demo incident names some users by object id: the tail must not name them again by UPN
    // (the run would hold one account for two entries)
    for (JsonNode user : running.simulator.users()) {
      String upn = user.path("userPrincipalName").asText();
      if (accounts.size() >= ACCOUNTS) {
        break;
      }
      if (!accounts.contains(upn) && !accounts.contains(user.path("id").asText())) {
        accounts.add(upn);
      }
    }
    Path csv = running.stack.options().workDirectory().resolve("incident-" + ACCOUNTS + ".csv");
    Files.writeString(csv, "account\n" + String.join("\n", accounts) + "\n");
    return csv;
  }
}
