package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.DevTokens;
import io.cordon.local.FileTrees;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.IncidentCsv;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The responder's path of the command line over real processes: {@code cli/target/cordon.jar} run
 * as a process of its own against the local stack, signed in with the stack's dev tokens. A report
 * is submitted and followed until its run waits for approval, the responder's own approval is
 * refused (four eyes), a second person approves, the run is watched to its end, the evidence is
 * exported. Every exit code is checked against what the services say over REST.
 *
 * <p>A handful of the demo incident's accounts rather than all 200: administrators (they need an
 * approval), members and an on-premises synced account (manual work), enough for every path.
 */
class CliIT {
  private static final String INCIDENT = "INC-CLI-IT";
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(6);
  private static final Set<String> FINAL =
      Set.of("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED");

  private static RunningStack running;
  private static Path cliJar;
  private static Path scratch;

  @BeforeAll
  static void start() throws Exception {
    // built by the reactor before this module (system-tests depends on cli), as the service jars
    cliJar = RunningStack.repositoryRoot().resolve("cli/target/cordon.jar");
    assertThat(cliJar)
        .as("the cli jar; build it with ./mvnw install -DskipTests (or -pl cli -am package)")
        .isRegularFile();
    scratch = Files.createTempDirectory("cordon-cli-it-");
    running = RunningStack.start("cli");
  }

  @AfterAll
  static void stop() throws IOException {
    if (running != null) {
      running.close();
    }
    // the identities' homes and the evidence (every command's output is in the test's log)
    if (scratch != null) {
      FileTrees.delete(scratch);
    }
  }

  @Test
  void aResponderAndASecondPersonTakeAnIncidentToItsEndWithTheCli() throws Exception {
    long started = System.nanoTime();
    List<String> upns = someDemoAccounts();
    Path csv = scratch.resolve("incident.csv");
    Files.writeString(csv, "account\n" + String.join("\n", upns) + "\n");
    Cli responder = new Cli(scratch.resolve("home-responder"), Map.of());
    Cli approver = new Cli(scratch.resolve("home-approver"), Map.of());
    // evidence is for viewers (and admins): a CI job's way in, CORDON_TOKEN without a login
    Cli viewer = new Cli(scratch.resolve("home-viewer"), Map.of("CORDON_TOKEN", token("viewer")));
    String stackDirectory = running.stack.options().workDirectory().toString();

    // 1. the responder signs in with the stack's dev token and submits, following the run
    Result login =
        responder.run("login", "--local", "--role", "responder", "--local-dir", stackDirectory);
    assertThat(login.exit()).as(login.describe()).isZero();
    assertThat(login.out()).contains(DevTokens.PRINCIPALS.get("responder"));
    assertThat(login.all()).doesNotContain(token("responder"));
    assertThat(Files.readString(responder.home.resolve("login.properties")))
        .doesNotContain(token("responder"));

    Result submitted =
        responder.run(
            "report",
            "submit",
            csv.toString(),
            "--incident",
            INCIDENT,
            "--follow",
            "--interval",
            "1",
            "--timeout",
            "5");
    JsonNode run = onlyRunOfIncident();
    String runId = run.path("id").asText();
    assertThat(submitted.out()).contains(upns.size() + " account(s) accepted, 0 rejected");
    assertThat(submitted.exit()).as(submitted.describe()).isEqualTo(expectedExit(run));
    // administrators are disabled only after a second person's approval: the run stops there
    assertThat(run.path("state").asText()).isEqualTo("WAITING_APPROVAL");
    assertThat(submitted.exit()).isEqualTo(3);
    List<JsonNode> pending = running.follower.pendingApprovals(runId);
    assertThat(pending).isNotEmpty();
    String approvalId = pending.get(0).path("id").asText();
    assertThat(submitted.out())
        .contains(approvalId)
        // the log ends with the run as following left it
        .contains("run " + runId + "  WAITING_APPROVAL  ");

    // 2. the responder cannot decide the approval: the role is the approver's, and four eyes keeps
    // the person who started the run out even when they hold the approver role as well
    String comment = "administrators confirmed compromised";
    Result ownApproval = responder.run("approvals", "approve", approvalId, "--comment", comment);
    assertThat(ownApproval.exit()).as(ownApproval.describe()).isEqualTo(1);
    assertThat(ownApproval.errLines())
        .as(ownApproval.describe())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("error:").contains("role approver"));
    String responderAndApprover =
        running
            .stack
            .tokens()
            .token(DevTokens.PRINCIPALS.get("responder"), "responder", "approver");
    Result fourEyes =
        responder.run(
            "--token",
            responderAndApprover,
            "approvals",
            "approve",
            approvalId,
            "--comment",
            comment);
    assertThat(fourEyes.exit()).as(fourEyes.describe()).isEqualTo(1);
    assertThat(fourEyes.errLines())
        .as(fourEyes.describe())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("error: ")
                    .contains(
                        "Four eyes: "
                            + DevTokens.PRINCIPALS.get("responder")
                            + " started run "
                            + runId));
    assertThat(fourEyes.all()).doesNotContain(responderAndApprover);
    assertThat(approvalState(runId, approvalId)).isEqualTo("PENDING");

    // 3. a second person approves; 4. the run is watched until it ends
    Result approverLogin =
        approver.run("login", "--local", "--role", "approver", "--local-dir", stackDirectory);
    assertThat(approverLogin.exit()).as(approverLogin.describe()).isZero();
    assertThat(approverLogin.out()).contains(DevTokens.PRINCIPALS.get("approver"));
    Result watched = null;
    // the built-in playbook opens one approval per held step, one after the other per account
    for (int round = 0; round < 10; round++) {
      for (JsonNode approval : running.follower.pendingApprovals(runId)) {
        String id = approval.path("id").asText();
        Result approved = approver.run("approvals", "approve", id, "--comment", comment);
        assertThat(approved.exit()).as(approved.describe()).isZero();
        assertThat(approvalState(runId, id)).isEqualTo("APPROVED");
      }
      watched = responder.run("runs", "watch", runId, "--interval", "1", "--timeout", "5");
      run = running.follower.run(runId);
      assertThat(watched.exit()).as(watched.describe()).isEqualTo(expectedExit(run));
      if (watched.exit() != 3) {
        break;
      }
    }
    assertThat(run.path("state").asText()).isIn(FINAL);
    assertThat(watched.exit()).isIn(0, 1);
    for (JsonNode approval : running.follower.approvals(runId)) {
      assertThat(approval.path("decidedBy").asText())
          .isEqualTo(DevTokens.PRINCIPALS.get("approver"));
    }

    // 5. the evidence, written owner-only, names the incident's accounts
    Path evidence = scratch.resolve("evidence.json");
    Result exported = viewer.run("evidence", "export", INCIDENT, "--out", evidence.toString());
    assertThat(exported.exit()).as(exported.describe()).isZero();
    assertThat(evidence).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(evidence)))
        .isEqualTo("rw-------");
    String document = Files.readString(evidence);
    assertThat(CordonApi.json().readTree(document).isObject()).isTrue();
    for (String upn : upns) {
      assertThat(document).containsIgnoringCase(upn);
    }

    // 6. JSON for scripts: the service's answer and nothing else on stdout
    Result shown = responder.run("runs", "show", runId, "--output", "json");
    assertThat(shown.exit()).as(shown.describe()).isZero();
    JsonNode shownRun = CordonApi.json().readTree(shown.out());
    assertThat(shownRun.path("id").asText()).isEqualTo(runId);
    assertThat(shownRun.path("state").asText()).isEqualTo(run.path("state").asText());

    System.out.printf(
        "CliIT: run %s ended %s; the CLI's part took %d s%n",
        runId, run.path("state").asText(), (System.nanoTime() - started) / 1_000_000_000);
  }

  /**
   * Accounts of the demo CSV as the simulator's tenant knows them: two administrators, two members
   * and one synced account.
   */
  private static List<String> someDemoAccounts() throws Exception {
    Set<String> demo =
        IncidentCsv.accounts(running.stack.options().incidentCsv()).stream()
            .map(String::toLowerCase)
            .collect(Collectors.toSet());
    Map<String, Integer> wanted = new HashMap<>(Map.of("admin", 2, "member", 2, "synced", 1));
    List<String> chosen = new ArrayList<>();
    for (JsonNode user : running.simulator.users()) {
      String upn = user.path("userPrincipalName").asText();
      String kind = user.path("kind").asText();
      if (demo.contains(upn.toLowerCase()) && wanted.getOrDefault(kind, 0) > 0) {
        wanted.merge(kind, -1, Integer::sum);
        chosen.add(upn);
      }
    }
    assertThat(wanted.values()).as("demo accounts of each kind still missing").containsOnly(0);
    return chosen;
  }

  private static JsonNode onlyRunOfIncident() throws Exception {
    URI runs =
        running.stack.serviceUrl("playbook-service").resolve("/api/v1/runs?incident=" + INCIDENT);
    JsonNode items = running.api.get(runs, token("viewer")).path("items");
    assertThat(items).as("runs of %s", INCIDENT).hasSize(1);
    return running.follower.run(items.get(0).path("id").asText());
  }

  /** The CLI's documented exit for a run in this state. */
  private static int expectedExit(JsonNode run) {
    String state = run.path("state").asText();
    if (state.equals("WAITING_APPROVAL")) {
      return 3;
    }
    assertThat(state).as("run state after following").isIn(FINAL);
    boolean failed =
        state.equals("FAILED")
            || state.equals("CANCELLED")
            || run.path("counts").path("FAILED").asInt() > 0;
    return failed ? 1 : 0;
  }

  private static String approvalState(String runId, String approvalId) throws Exception {
    for (JsonNode approval : running.follower.approvals(runId)) {
      if (approval.path("id").asText().equals(approvalId)) {
        return approval.path("state").asText();
      }
    }
    throw new AssertionError("no approval " + approvalId + " in run " + runId);
  }

  private static String token(String role) {
    return running.token(role);
  }

  /** One identity of the command line: its own CORDON_HOME, the stack's service URLs. */
  private static final class Cli {
    private final Path home;
    private final Map<String, String> variables;
    private int commands;

    Cli(Path home, Map<String, String> variables) {
      this.home = home;
      this.variables = variables;
    }

    Result run(String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-jar");
      command.add(cliJar.toString());
      command.addAll(Arrays.asList(args));
      int n = ++commands;
      Path out = scratch.resolve(home.getFileName() + "-" + n + ".out");
      Path err = scratch.resolve(home.getFileName() + "-" + n + ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(scratch.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(name -> name.startsWith("CORDON_"));
      environment.put("CORDON_HOME", home.toString());
      environment.put("CORDON_ACCOUNT_URL", running.stack.serviceUrl("account-service").toString());
      environment.put(
          "CORDON_PLAYBOOK_URL", running.stack.serviceUrl("playbook-service").toString());
      environment.put(
          "CORDON_NOTIFICATION_URL", running.stack.serviceUrl("notification-service").toString());
      environment.putAll(variables);
      long started = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "cordon " + redacted(args) + " still running after " + COMMAND_TIMEOUT);
      }
      Result result =
          new Result(
              redacted(args),
              process.exitValue(),
              Files.readString(out),
              Files.readString(err),
              (System.nanoTime() - started) / 1_000_000);
      System.out.println(result.describe());
      return result;
    }
  }

  /** The command as the log shows it: a token given with --token is not printed. */
  private static String redacted(String... args) {
    List<String> shown = new ArrayList<>(Arrays.asList(args));
    for (int i = 0; i + 1 < shown.size(); i++) {
      if (shown.get(i).equals("--token")) {
        shown.set(i + 1, "<token>");
      }
    }
    return String.join(" ", shown);
  }

  private record Result(String command, int exit, String out, String err, long millis) {
    List<String> errLines() {
      return err.lines().filter(line -> !line.isBlank()).toList();
    }

    String all() {
      return out + err;
    }

    String describe() {
      return String.format(
          "$ cordon %s   -> exit %d in %d ms%n--- stdout%n%s--- stderr%n%s---",
          command, exit, millis, out, err);
    }
  }
}
