package io.cordon.cli.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cordon.cli.ApiShapes.REPORT_ID;
import static io.cordon.cli.ApiShapes.RUN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cordon.cli.ApiShapes;
import io.cordon.cli.CliHarness;
import io.cordon.cli.CliHarness.Result;
import io.cordon.cli.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReportSubmitCommandTest {
  @RegisterExtension static final StubServer STUB = new StubServer();
  @TempDir Path temporary;
  private CliHarness cli;
  private Path csv;

  private static final String CSV = "account,notes\ntaro@jaxa.example,VPN\nbad user,typo\n";
  private static final String ONE_REJECTED =
      "[{\"input\":\"line 3\",\"reason\":\"not a UPN or an object id\"}]";

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliHarness(temporary).services(STUB.baseUrl()).token("token");
    csv = Files.writeString(temporary.resolve("incident.csv"), CSV);
  }

  @Test
  void aCsvGoesAsTextCsvWithTheIncidentInTheQueryAndEachRejectionIsPrinted() {
    STUB.wiremock()
        .stubFor(
            post(urlPathEqualTo("/api/v1/compromise-reports"))
                .willReturn(
                    aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ApiShapes.receipt(1, ONE_REJECTED, 0))));

    Result result =
        cli.run(
            "report",
            "submit",
            csv.toString(),
            "--incident",
            "INC 7",
            "--playbook",
            "revoke-only",
            "--severity",
            "CRITICAL");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Report "
                + REPORT_ID
                + ": 1 account(s) accepted, 1 rejected, 0 duplicate(s) folded\n"
                + "  rejected line 3: not a UPN or an object id\n");
    STUB.wiremock()
        .verify(
            postRequestedFor(
                    urlEqualTo(
                        "/api/v1/compromise-reports?incidentId=INC%207&severity=CRITICAL&playbook=revoke-only"))
                .withHeader("Content-Type", equalTo("text/csv"))
                .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
                .withRequestBody(equalTo(CSV)));
  }

  @Test
  void aJsonReportGetsTheIncidentFromTheCommandLine() throws Exception {
    Path json =
        Files.writeString(
            temporary.resolve("report.json"), "{\"accounts\":[\"taro@jaxa.example\"]}");
    STUB.wiremock()
        .stubFor(
            post("/api/v1/compromise-reports")
                .willReturn(
                    aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ApiShapes.receipt(1, "[]", 0))));

    Result result = cli.run("report", "submit", json.toString(), "--incident", "INC-7");

    assertThat(result.exitCode()).isZero();
    STUB.wiremock()
        .verify(
            postRequestedFor(urlEqualTo("/api/v1/compromise-reports"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                    equalToJson(
                        "{\"accounts\":[\"taro@jaxa.example\"],\"incident\":{\"id\":\"INC-7\"}}")));
  }

  @Test
  void aJsonReportNamingAnotherIncidentIsRefusedBeforeSending() throws Exception {
    Path json =
        Files.writeString(
            temporary.resolve("report.json"),
            "{\"incident\":{\"id\":\"INC-1\"},\"accounts\":[\"taro@jaxa.example\"]}");

    Result result = cli.run("report", "submit", json.toString(), "--incident", "INC-7");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("the file names incident INC-1 but --incident says INC-7");
    assertThat(STUB.wiremock().getAllServeEvents()).isEmpty();
  }

  @Test
  void aRefusedReportIsOneErrorLineNamingTheField() {
    STUB.wiremock()
        .stubFor(
            post(urlPathEqualTo("/api/v1/compromise-reports"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            ApiShapes.problem(
                                400,
                                "validation-failed",
                                "Request validation failed",
                                "severity: must be LOW, MEDIUM, HIGH or CRITICAL",
                                "severity"))));

    Result result =
        cli.run("report", "submit", csv.toString(), "--incident", "I", "--severity", "X");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: Request validation failed: severity: must be LOW, MEDIUM, HIGH or CRITICAL"
                + " (field severity)\n");
  }

  private void stubSubmission() {
    STUB.wiremock()
        .stubFor(
            post(urlPathEqualTo("/api/v1/compromise-reports"))
                .willReturn(
                    aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ApiShapes.receipt(2, "[]", 0))));
  }

  /** The incident is unknown at first, then lists the report without a run, then with it. */
  private void stubIncidentFindingTheRun() {
    String path = "/api/v1/incidents/INC-7";
    STUB.wiremock()
        .stubFor(
            get(path)
                .inScenario("incident")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            ApiShapes.problem(
                                404, "not-found", "Not Found", "no incident INC-7", null)))
                .willSetStateTo("resolving"));
    STUB.wiremock()
        .stubFor(
            get(path)
                .inScenario("incident")
                .whenScenarioStateIs("resolving")
                .willReturn(okJson(ApiShapes.incidentWithReport("INC-7", null)))
                .willSetStateTo("run"));
    STUB.wiremock()
        .stubFor(
            get(path)
                .inScenario("incident")
                .whenScenarioStateIs("run")
                .willReturn(okJson(ApiShapes.incidentWithReport("INC-7", RUN_ID))));
  }

  private void stubRunStates(String... runs) {
    String path = "/api/v1/runs/" + RUN_ID;
    for (int i = 0; i < runs.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "step" + i;
      var stub = get(path).inScenario("run").whenScenarioStateIs(state).willReturn(okJson(runs[i]));
      if (i < runs.length - 1) {
        stub = stub.willSetStateTo("step" + (i + 1));
      }
      STUB.wiremock().stubFor(stub);
    }
  }

  @Test
  void followFindsTheRunOfTheReportAndShowsItUntilItEnds() {
    stubSubmission();
    stubIncidentFindingTheRun();
    stubRunStates(
        ApiShapes.run("PENDING", "{}", "{}", "{}"),
        ApiShapes.run("RUNNING", "{\"SUCCEEDED\":1,\"IN_PROGRESS\":1}", "{\"WAITING\":2}", "{}"),
        ApiShapes.run(
            "PARTIALLY_SUCCEEDED",
            "{\"SUCCEEDED\":2}",
            "{\"SUCCEEDED\":1,\"REQUIRES_MANUAL\":1}",
            "{\"SUCCEEDED\":3,\"REQUIRES_MANUAL\":1}"));
    cli.terminal = true;

    Result result =
        cli.run(
            "report",
            "submit",
            csv.toString(),
            "--incident",
            "INC-7",
            "--follow",
            "--interval",
            "0.01");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Report " + REPORT_ID + ": 2 account(s) accepted")
        .contains("Waiting for the run of report " + REPORT_ID)
        .contains("run " + RUN_ID + "  RUNNING")
        .contains("[###############---------------]     1/2")
        .contains("Run " + RUN_ID + " ended PARTIALLY_SUCCEEDED")
        .contains("disable-privileged  DISABLE_ACCOUNT  1          0        1")
        .contains(
            "Accounts that need a person: cordon runs accounts "
                + RUN_ID
                + " --state REQUIRES_MANUAL,FAILED");
  }

  @Test
  void followStopsWithExitThreeWhenTheRunWaitsForApprovalAndShowsWhatWaits() {
    stubSubmission();
    stubIncidentFindingTheRun();
    stubRunStates(
        ApiShapes.run("RUNNING", "{\"IN_PROGRESS\":2}", "{\"WAITING\":2}", "{}"),
        ApiShapes.run(
            "WAITING_APPROVAL",
            "{\"SUCCEEDED\":2}",
            "{\"SKIPPED\":1,\"WAITING_APPROVAL\":1}",
            "{\"SUCCEEDED\":2,\"SKIPPED\":1,\"WAITING_APPROVAL\":1}"));
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/approvals"))
                .withQueryParam("state", equalTo("PENDING"))
                .withQueryParam("run", equalTo(RUN_ID))
                .willReturn(okJson(ApiShapes.page(ApiShapes.approval("PENDING", 1)))));

    Result result =
        cli.run(
            "report",
            "submit",
            csv.toString(),
            "--incident",
            "INC-7",
            "--follow",
            "--interval",
            "0.01");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out())
        .contains(
            "Approval pending: "
                + ApiShapes.APPROVAL_ID
                + "  step disable-privileged (DISABLE_ACCOUNT) for 1 account(s), role approver")
        .contains("admin.taro@jaxa.example")
        .contains("Run " + RUN_ID + " waits for approval");
    // in a pipe the run as following left it, though the 5 s between snapshots had not passed
    assertThat(result.out()).contains("run " + RUN_ID + "  WAITING_APPROVAL  ");
  }

  @Test
  void followWithJsonOutputPrintsOneDocumentForScripts() throws Exception {
    stubSubmission();
    stubIncidentFindingTheRun();
    stubRunStates(
        ApiShapes.run(
            "FAILED", "{\"FAILED\":2}", "{\"CANCELLED\":2}", "{\"FAILED\":2,\"CANCELLED\":2}"));

    Result result =
        cli.run(
            "report",
            "submit",
            csv.toString(),
            "--incident",
            "INC-7",
            "--follow",
            "--interval",
            "0.01",
            "-o",
            "json");

    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode document = new ObjectMapper().readTree(result.out());
    assertThat(document.path("report").path("reportId").asText()).isEqualTo(REPORT_ID);
    assertThat(document.path("run").path("state").asText()).isEqualTo("FAILED");
  }
}
