package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.ReportSource;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.GraphAccess;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The run's preflight: a playbook the app's Graph access cannot carry out stops before its first
 * action is requested, with one reason naming everything missing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class RunPreflightTest {
  static final String PRIVILEGED_AUTH_ADMIN = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";
  static final List<String> ALL =
      List.of(
          "User.ReadWrite.All",
          "IdentityRiskyUser.ReadWrite.All",
          "DelegatedPermissionGrant.ReadWrite.All",
          "MailboxSettings.ReadWrite",
          "RoleManagement.ReadWrite.Directory",
          "UserAuthenticationMethod.ReadWrite.All");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PLAYBOOK =
      """
      name: test-preflight
      steps:
        - id: revoke
          action: REVOKE_SESSIONS
        - id: reset
          action: RESET_PASSWORD
      """;

  @Test
  void aMissingPermissionStopsTheRunBeforeAnyActionAndSaysWhyOnce() throws Exception {
    Runs.putPlaybook(PLAYBOOK);
    String prefix = prefix("noperm");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId =
          start(
              prefix,
              new GraphAccess(
                  List.of("User.RevokeSessions.All"),
                  List.of(PRIVILEGED_AUTH_ADMIN),
                  null,
                  Instant.now()),
              1,
              2,
              3);

      awaitState(runId, "FAILED");
      String reason = Runs.run(runId).getString("stateReason");
      assertThat(reason)
          .startsWith("preflight: playbook test-preflight cannot run")
          .contains("step reset: app registration lacks User-PasswordProfile.ReadWrite.All")
          .doesNotContain("step revoke");
      // one reason for the run, not one per account
      assertThat(reason.split("User-PasswordProfile", -1)).hasSize(2);
      Thread.sleep(1500);
      assertThat(responder.requests()).isEmpty();
    }
  }

  @Test
  void aPrivilegedAccountWithoutTheAppsDirectoryRoleStopsTheRun() throws Exception {
    Runs.putPlaybook(PLAYBOOK);
    String prefix = prefix("norole");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId =
          start(
              prefix,
              new GraphAccess(ALL, List.of("User Administrator"), null, Instant.now()),
              1,
              25);

      awaitState(runId, "FAILED");
      assertThat(Runs.run(runId).getString("stateReason"))
          .contains("step reset (1 privileged account(s))")
          .contains("Privileged Authentication Administrator or Global Administrator");
      Thread.sleep(1500);
      assertThat(responder.requests()).isEmpty();
    }
  }

  @Test
  void disablingDevicesWithoutTheAppsDeviceAdministratorRoleStopsTheRun() throws Exception {
    Runs.putPlaybook(
        """
        name: test-preflight-devices
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: devices
            action: DISABLE_DEVICES
        """);
    String prefix = prefix("nodevrole");
    List<String> permissions = new java.util.ArrayList<>(ALL);
    permissions.add("Device.ReadWrite.All");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      // whoever the account: Update device needs the role of the app itself, not of the target
      String runId =
          start(
              prefix,
              "test-preflight-devices",
              new GraphAccess(permissions, List.of("User Administrator"), null, Instant.now()),
              1);

      awaitState(runId, "FAILED");
      assertThat(Runs.run(runId).getString("stateReason"))
          .contains("step devices: app registration lacks the directory role")
          .contains("Cloud Device Administrator")
          .doesNotContain("step revoke");
      Thread.sleep(1500);
      assertThat(responder.requests()).isEmpty();
    }
  }

  @Test
  void aRunGoesOnWhenWhatItNeedsIsGrantedOrItsStepsSparePrivilegedAccounts() {
    Runs.putPlaybook(
        """
        name: test-preflight-spare-admins
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: reset
            action: RESET_PASSWORD
            when: {privileged: false}
        """);
    String prefix = prefix("ready");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId =
          start(
              prefix,
              "test-preflight-spare-admins",
              new GraphAccess(ALL, List.of(), null, Instant.now()),
              1,
              25);
      awaitState(runId, "SUCCEEDED");
      assertThat(responder.requests()).hasSize(3);
    }
  }

  @Test
  void aStepMarkedSkipIsSkippedWithTheReasonAndTheRestRuns() {
    Runs.putPlaybook(
        """
        name: test-preflight-skip
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
          - id: reset
            action: RESET_PASSWORD
            onMissingPermission: skip
          - id: disable
            action: DISABLE_ACCOUNT
            when: {privileged: true}
            onMissingPermission: skip
        """);
    String prefix = prefix("skip");
    try (TestResponder responder =
        TestResponder.start(prefix, r -> TestResponder.Answer.succeeded())) {
      String runId =
          start(
              prefix,
              "test-preflight-skip",
              new GraphAccess(
                  List.of("User.RevokeSessions.All", "User.EnableDisableAccount.All"),
                  List.of(),
                  null,
                  Instant.now()),
              1,
              25);

      awaitState(runId, "SUCCEEDED");
      assertThat(Runs.count(runId, "reset", "SKIPPED")).isEqualTo(2);
      // account 1 skips it as not privileged, account 25 for want of the role (below)
      assertThat(Runs.count(runId, "disable", "SKIPPED")).isEqualTo(2);
      // only the revocations reached account-service
      assertThat(responder.requests())
          .hasSize(2)
          .allMatch(r -> r.action() == io.cordon.contracts.ActionType.REVOKE_SESSIONS);
      Map<String, Object> account =
          Runs.accounts(runId, 10).stream()
              .filter(a -> String.valueOf(a.get("objectId")).endsWith("0025"))
              .findFirst()
              .orElseThrow();
      assertThat(Runs.step(account, "reset").get("reasonCode")).isEqualTo("MISSING_PERMISSION");
      assertThat(Runs.step(account, "disable").get("reasonCode")).isEqualTo("MISSING_PERMISSION");
    }
  }

  private static String start(String prefix, GraphAccess access, int... indexes) {
    return start(prefix, "test-preflight", access, indexes);
  }

  private static String start(String prefix, String playbook, GraphAccess access, int... indexes) {
    List<ResolvedAccount> accounts =
        Arrays.stream(indexes).mapToObj(i -> Accounts.account(prefix, i)).toList();
    String reportId = "report-" + UUID.randomUUID();
    Runs.publish(
        CompromiseReported.chunked(
                reportId,
                new IncidentRef("INC-" + prefix, null, null),
                accounts,
                playbook,
                ReportSource.MANUAL,
                Runs.RESPONDER,
                TestJwt.identityOf(Runs.RESPONDER),
                Instant.now(),
                false,
                access)
            .toArray(CompromiseReported[]::new));
    return Runs.runOf(reportId);
  }

  private static String prefix(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private static void awaitState(String runId, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> state.equals(Runs.state(runId)));
  }
}
