package io.cordon.cli.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cordon.cli.ApiShapes.RUN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cordon.cli.ApiShapes;
import io.cordon.cli.CliHarness;
import io.cordon.cli.CliHarness.Result;
import io.cordon.cli.StubServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {
  @RegisterExtension static final StubServer STUB = new StubServer();
  @TempDir Path temporary;
  private CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(temporary).services(STUB.baseUrl()).token("token-of-rei");
  }

  @Test
  void listAsksWithTheFiltersAndTheBearerTokenAndPrintsATable() {
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/runs"))
                .willReturn(
                    okJson(
                        "{\"items\":[{\"id\":\"r1\",\"playbook\":{\"name\":\"revoke-only\",\"version\":2},"
                            + "\"incidentId\":\"INC-7\",\"state\":\"RUNNING\",\"source\":\"CSV\","
                            + "\"startedBy\":\"rei\",\"accounts\":200,"
                            + "\"progress\":{\"done\":50,\"total\":400},\"createdAt\":\"t0\","
                            + "\"finishedAt\":null,\"durationMs\":100}],\"next\":null}")));

    Result result =
        cli.run("runs", "list", "--incident", "INC-7", "--status", "running", "--limit", "5");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("r1  INC-7     revoke-only v2  RUNNING  CSV     200       50/400");
    STUB.wiremock()
        .verify(
            getRequestedFor(urlEqualTo("/api/v1/runs?incident=INC-7&status=running&limit=5"))
                .withHeader("Authorization", equalTo("Bearer token-of-rei")));
  }

  @Test
  void jsonOutputIsTheServicesAnswerWhereverTheFlagStands() throws Exception {
    String run = ApiShapes.run("RUNNING", "{\"IN_PROGRESS\":2}", "{\"WAITING\":2}", "{}");
    STUB.wiremock().stubFor(get("/api/v1/runs/" + RUN_ID).willReturn(okJson(run)));
    ObjectMapper json = new ObjectMapper();

    Result after = cli.run("runs", "show", RUN_ID, "--output", "json");
    Result before = cli.run("-o", "json", "runs", "show", RUN_ID);

    assertThat(json.readTree(after.out())).isEqualTo(json.readTree(run));
    assertThat(json.readTree(before.out())).isEqualTo(json.readTree(run));
  }

  @Test
  void showPrintsTheRunAndItsSteps() {
    STUB.wiremock()
        .stubFor(
            get("/api/v1/runs/" + RUN_ID)
                .willReturn(
                    okJson(
                        ApiShapes.run("RUNNING", "{\"SUCCEEDED\":2}", "{\"WAITING\":2}", "{}"))));

    Result result = cli.run("runs", "show", RUN_ID);

    assertThat(result.out())
        .contains("playbook   contain-compromised-account v1")
        .contains("state      RUNNING")
        .contains("revoke-sessions     REVOKE_SESSIONS  2");
  }

  @Test
  void pauseSendsTheReasonAndShowsTheRunAsItIsNow() {
    STUB.wiremock()
        .stubFor(
            post("/api/v1/runs/" + RUN_ID + "/pause")
                .willReturn(
                    okJson(
                        ApiShapes.run("RUNNING", "{}", "{}", "{}")
                            .replace(
                                "\"paused\":null",
                                "\"paused\":{\"by\":\"rei\",\"reason\":\"checking\",\"since\":\"t1\"}"))));

    Result result = cli.run("runs", "pause", RUN_ID, "--reason", "checking");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("paused     by rei since t1: checking");
    STUB.wiremock()
        .verify(
            postRequestedFor(urlEqualTo("/api/v1/runs/" + RUN_ID + "/pause"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"reason\":\"checking\"}")));
  }

  @Test
  void cancelOfAFinishedRunShowsTheConflictOnOneLine() {
    STUB.wiremock()
        .stubFor(
            post("/api/v1/runs/" + RUN_ID + "/cancel")
                .willReturn(
                    aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            ApiShapes.problem(
                                409, "conflict", "Conflict", "run is already SUCCEEDED", null))));

    Result result = cli.run("runs", "cancel", RUN_ID, "--reason", "false positive");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: Conflict: run is already SUCCEEDED\n");
  }

  @Test
  void accountsListsEachStepsStateAndReasonFilteredByState() {
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/runs/" + RUN_ID + "/accounts"))
                .withQueryParam("state", equalTo("REQUIRES_MANUAL"))
                .willReturn(
                    okJson(
                        ApiShapes.page(
                            "{\"objectId\":\"oid-1\",\"userPrincipalName\":\"hanako@jaxa.example\","
                                + "\"tenantId\":\"t\",\"userType\":\"Member\","
                                + "\"onPremisesSynced\":true,\"privileged\":false,"
                                + "\"privilegedRoles\":[],\"groups\":[],\"steps\":["
                                + "{\"stepId\":\"revoke\",\"action\":\"REVOKE_SESSIONS\","
                                + "\"state\":\"SUCCEEDED\",\"reasonCode\":\"OK\"},"
                                + "{\"stepId\":\"reset\",\"action\":\"RESET_PASSWORD\","
                                + "\"state\":\"REQUIRES_MANUAL\","
                                + "\"reasonCode\":\"ON_PREMISES_SYNCED\"}]}"))));

    Result result = cli.run("runs", "accounts", RUN_ID, "--state", "REQUIRES_MANUAL");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "hanako@jaxa.example  oid-1      Member  yes     no          -        "
                + "revoke:SUCCEEDED reset:REQUIRES_MANUAL(ON_PREMISES_SYNCED)");
  }

  @Test
  void watchFollowsTheRunUntilItEndsAndSummarises() {
    String path = "/api/v1/runs/" + RUN_ID;
    STUB.wiremock()
        .stubFor(
            get(path)
                .inScenario("run")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                    okJson(
                        ApiShapes.run("RUNNING", "{\"IN_PROGRESS\":2}", "{\"WAITING\":2}", "{}")))
                .willSetStateTo("done"));
    STUB.wiremock()
        .stubFor(
            get(path)
                .inScenario("run")
                .whenScenarioStateIs("done")
                .willReturn(
                    okJson(
                        ApiShapes.run(
                            "SUCCEEDED",
                            "{\"SUCCEEDED\":2}",
                            "{\"SKIPPED\":2}",
                            "{\"SUCCEEDED\":2,\"SKIPPED\":2}"))));

    Result result = cli.run("runs", "watch", RUN_ID, "--interval", "0.01");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("RUNNING")
        .contains("Run " + RUN_ID + " ended SUCCEEDED")
        .contains("disable-privileged  DISABLE_ACCOUNT  0          2");
  }

  @Test
  void watchOfARunThatFailedExitsWithOne() {
    STUB.wiremock()
        .stubFor(
            get("/api/v1/runs/" + RUN_ID)
                .willReturn(
                    okJson(
                        ApiShapes.run(
                                "FAILED", "{\"FAILED\":2}", "{\"CANCELLED\":2}", "{\"FAILED\":2}")
                            .replace(
                                "\"stateReason\":null",
                                "\"stateReason\":\"preflight: missing\""))));

    Result result = cli.run("runs", "watch", RUN_ID, "--interval", "0.01");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("ended FAILED (preflight: missing)");
  }
}
