package io.cordon.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.cli.ApiShapes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunViewsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode run(String state, String revoke, String disable, String totals)
      throws Exception {
    return JSON.readTree(ApiShapes.run(state, revoke, disable, totals));
  }

  @Test
  void progressShowsABarPerStepWithSettledOutOfAllAndWhatWaits() throws Exception {
    JsonNode run =
        run(
            "RUNNING",
            "{\"SUCCEEDED\":1,\"IN_PROGRESS\":1}",
            "{\"WAITING_APPROVAL\":1,\"REQUIRES_MANUAL\":1}",
            "{}");

    assertThat(RunProgressView.lines(run))
        .containsExactly(
            "run " + ApiShapes.RUN_ID + "  RUNNING  2 account(s)  4.2 s",
            "  revoke-sessions            [###############---------------]     1/2",
            "  disable-privileged         [###############---------------]     1/2"
                + "     1 awaiting approval, 1 manual");
  }

  @Test
  void onAPipeAnUnchangedRunIsNotPrintedAgainButTheFinalOneAlwaysIs() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunProgressView view =
        new RunProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0);
    JsonNode running = run("RUNNING", "{\"IN_PROGRESS\":2}", "{\"WAITING\":2}", "{}");

    view.show(running);
    view.show(running);
    view.show(run("SUCCEEDED", "{\"SUCCEEDED\":2}", "{\"SUCCEEDED\":2}", "{}"));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.split("RUNNING", -1)).hasSize(2);
    assertThat(printed).contains("SUCCEEDED").doesNotContain("\033[");
  }

  @Test
  void onAPipeTheSnapshotHeldBackByTheIntervalIsPrintedWhenFollowingStops() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunProgressView view =
        new RunProgressView(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), false, Long.MAX_VALUE / 4);

    view.show(run("RUNNING", "{\"IN_PROGRESS\":2}", "{\"WAITING\":2}", "{}"));
    view.show(run("WAITING_APPROVAL", "{\"SUCCEEDED\":2}", "{\"WAITING_APPROVAL\":2}", "{}"));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("WAITING_APPROVAL");

    view.finish();
    view.finish();

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.split("WAITING_APPROVAL  ", -1)).as(printed).hasSize(2);
    assertThat(printed).endsWith("0/2     2 awaiting approval" + System.lineSeparator());
  }

  @Test
  void onATerminalTheBlockIsRedrawnInPlace() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunProgressView view =
        new RunProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 0);
    JsonNode running = run("RUNNING", "{\"IN_PROGRESS\":2}", "{\"WAITING\":2}", "{}");

    view.show(running);
    view.show(running);

    // three lines drawn, then the cursor goes up three lines to draw over them
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\033[3A");
  }

  @Test
  void theSummaryCountsEachStepsOutcomesAndNamesWhyTheRunEnded() throws Exception {
    JsonNode run =
        JSON.readTree(
            ApiShapes.run(
                    "PARTIALLY_SUCCEEDED",
                    "{\"SUCCEEDED\":2}",
                    "{\"SKIPPED\":1,\"REQUIRES_MANUAL\":1}",
                    "{}")
                .replace("\"stateReason\":null", "\"stateReason\":\"1 account needs a person\""));

    assertThat(RunViews.summary(run))
        .containsExactly(
            "Run "
                + ApiShapes.RUN_ID
                + " ended PARTIALLY_SUCCEEDED (1 account needs a person) after 4.2 s",
            "STEP                ACTION           SUCCEEDED  SKIPPED  MANUAL  FAILED  WAITING APPROVAL  OTHER",
            "revoke-sessions     REVOKE_SESSIONS  2          0        0       0       0                 0",
            "disable-privileged  DISABLE_ACCOUNT  0          1        1       0       0                 0");
  }

  @Test
  void aListNamesTheCursorOfTheNextPage() throws Exception {
    JsonNode page =
        JSON.readTree(
            "{\"items\":[{\"id\":\"r1\",\"playbook\":{\"name\":\"revoke-only\",\"version\":2},\"incidentId\":\"INC-1\","
                + "\"state\":\"RUNNING\",\"source\":\"API\",\"startedBy\":\"rei\",\"accounts\":3,"
                + "\"progress\":{\"done\":1,\"total\":3},\"createdAt\":\"t\"}],\"next\":\"abc\"}");

    assertThat(RunViews.list(page))
        .containsExactly(
            "ID  INCIDENT  PLAYBOOK        STATE    SOURCE  ACCOUNTS  DONE  STARTED BY  CREATED",
            "r1  INC-1     revoke-only v2  RUNNING  API     3         1/3   rei         t",
            "more: --cursor abc");
  }

  @Test
  void finalStatesAndFailuresAreTold() throws Exception {
    assertThat(RunStates.isFinal(run("RUNNING", "{}", "{}", "{}"))).isFalse();
    assertThat(RunStates.isFinal(run("CANCELLED", "{}", "{}", "{}"))).isTrue();
    assertThat(RunStates.failed(run("PARTIALLY_SUCCEEDED", "{}", "{}", "{\"REQUIRES_MANUAL\":1}")))
        .as("manual work is not a failure")
        .isFalse();
    assertThat(RunStates.failed(run("PARTIALLY_SUCCEEDED", "{}", "{}", "{\"FAILED\":1}"))).isTrue();
  }

  @Test
  void accountsOfSeveralTenantsNameEachTenantWithItsDirectoryId() throws Exception {
    JsonNode page =
        JSON.readTree(
            "{\"items\":["
                + account("aiko@contoso.example", "o-1", "c0c0", "contoso")
                + ","
                + account("bruno@fabrikam.example", "o-2", "fab0", "fabrikam")
                + ","
                + account("olga@contoso.example", "o-3", "c0c0", null)
                + "]}");

    assertThat(RunViews.accounts(page))
        .containsExactly(
            "UPN                     OBJECT ID  TENANT           TYPE    SYNCED  PRIVILEGED  SETTLED  STEPS",
            "aiko@contoso.example    o-1        contoso (c0c0)   MEMBER  no      no          -        revoke:SUCCEEDED",
            "bruno@fabrikam.example  o-2        fabrikam (fab0)  MEMBER  no      no          -        revoke:SUCCEEDED",
            "olga@contoso.example    o-3        c0c0             MEMBER  no      no          -        revoke:SUCCEEDED");
  }

  @Test
  void accountsOfASingleTenantDeploymentLeaveTheTenantOut() throws Exception {
    JsonNode page =
        JSON.readTree(
            "{\"items\":["
                + account("taro@jaxa.example", "o-1", "t-jaxa", "default")
                + ","
                + account("hana@jaxa.example", "o-2", "t-jaxa", null)
                + "]}");

    assertThat(RunViews.accounts(page))
        .containsExactly(
            "UPN                OBJECT ID  TYPE    SYNCED  PRIVILEGED  SETTLED  STEPS",
            "taro@jaxa.example  o-1        MEMBER  no      no          -        revoke:SUCCEEDED",
            "hana@jaxa.example  o-2        MEMBER  no      no          -        revoke:SUCCEEDED");
  }

  @Test
  void anAccountInANamedTenantSaysWhichEvenAlone() throws Exception {
    JsonNode account =
        JSON.readTree(
            "{\"objectId\":\"o-2\",\"userPrincipalName\":\"bruno@fabrikam.example\","
                + "\"incidents\":[{\"incidentId\":\"INC-1\",\"title\":\"t\",\"incidentState\":\"OPEN\","
                + "\"account\":"
                + account("bruno@fabrikam.example", "o-2", "fab0", "fabrikam")
                + "}],\"evidence\":[],\"actions\":[]}");

    assertThat(IncidentViews.account(account).get(0))
        .isEqualTo("account bruno@fabrikam.example  o-2  tenant fabrikam (fab0)");
  }

  private static String account(String upn, String objectId, String tenantId, String tenantName) {
    return "{\"objectId\":\""
        + objectId
        + "\",\"userPrincipalName\":\""
        + upn
        + "\",\"tenantId\":\""
        + tenantId
        + "\",\"tenantName\":"
        + (tenantName == null ? "null" : "\"" + tenantName + "\"")
        + ",\"userType\":\"MEMBER\",\"onPremisesSynced\":false,\"privileged\":false,"
        + "\"state\":\"CONTAINED\",\"steps\":[{\"stepId\":\"revoke\",\"state\":\"SUCCEEDED\","
        + "\"reasonCode\":\"OK\"}]}";
  }
}
