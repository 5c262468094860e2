package io.cordon.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.DemoPartners;
import io.cordon.local.demo.IncidentCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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

  private static RunningStack running;
  private static Map<String, JsonNode> partners;
  private static JsonNode partnerDefinitions;
  private static Path incidentCsv;
  private static Exception startFailure;

  private ReliabilityStack() {}

  static synchronized RunningStack get() throws IOException, InterruptedException {
    if (startFailure != null) {
      // one failed start is enough: the next class would only wait as long again
      throw new IllegalStateException("the reliability stack did not start", startFailure);
    }
    if (running == null) {
      try {
        running =
            RunningStack.start(
                "reliability", ACCOUNTS > 380 ? ACCOUNTS + 100 : 0, snapshotOfTheBuiltJars());
      } catch (IOException | RuntimeException e) {
        startFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(running::close));
      Path partnersFile = running.stack.options().partnersFile();
      partnerDefinitions = CordonApi.json().readTree(Files.readString(partnersFile));
      partners =
          new DemoPartners(
                  running.api, running.stack.serviceUrl("notification-service"), running.receiver)
              .register(partnersFile, running.token("admin"));
      incidentCsv = writeIncidentCsv(running);
    }
    return running;
  }

  /**
   * Hard links to the four built applications and the demo files: the tests restart killed services
   * many minutes after the start, and a rebuild of a module in the same tree meanwhile (which
   * deletes and rewrites {@code target/quarkus-app}) must not pull the jars from under them.
   */
  private static Path snapshotOfTheBuiltJars() throws IOException {
    Path repository = RunningStack.repositoryRoot();
    Path snapshot = repository.resolve("system-tests/target/reliability-snapshot");
    if (Files.exists(snapshot)) {
      try (Stream<Path> old = Files.walk(snapshot)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    for (String module :
        List.of("account-service", "playbook-service", "notification-service", "graph-simulator")) {
      link(
          repository.resolve(module + "/target/quarkus-app"),
          snapshot.resolve(module + "/target/quarkus-app"));
    }
    link(repository.resolve("deploy/local/demo"), snapshot.resolve("deploy/local/demo"));
    return snapshot;
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
