package io.cordon.cli.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cordon.cli.ApiShapes.APPROVAL_ID;
import static io.cordon.cli.ApiShapes.RUN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.cli.ApiShapes;
import io.cordon.cli.CliHarness;
import io.cordon.cli.CliHarness.Result;
import io.cordon.cli.StubServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsCommandTest {
  @RegisterExtension static final StubServer STUB = new StubServer();
  @TempDir Path temporary;
  private CliHarness cli;
  private final String decisionPath = "/api/v1/runs/" + RUN_ID + "/approvals/" + APPROVAL_ID;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(temporary).services(STUB.baseUrl()).token("token");
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/approvals"))
                .willReturn(okJson(ApiShapes.page(ApiShapes.approval("PENDING", 24)))));
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/approvals/" + APPROVAL_ID))
                .willReturn(okJson(ApiShapes.approval("PENDING", 24))));
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/approvals/no-such-approval"))
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            ApiShapes.problem(
                                404,
                                "not-found",
                                "Not found",
                                "Approval no-such-approval",
                                null))));
  }

  @Test
  void aFourEyesRefusalIsOneLineAndExitOne() {
    STUB.wiremock()
        .stubFor(
            post(decisionPath)
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            ApiShapes.problem(
                                403,
                                "forbidden",
                                "Not allowed for this principal",
                                "Four eyes: rei.responder@cordon.local started run "
                                    + RUN_ID
                                    + " and cannot decide its steps; another approver must",
                                null))));

    Result result = cli.run("approvals", "approve", APPROVAL_ID, "--comment", "checked");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines())
        .containsExactly(
            "error: Not allowed for this principal: Four eyes: rei.responder@cordon.local"
                + " started run "
                + RUN_ID
                + " and cannot decide its steps; another approver must");
  }

  @Test
  void approveDecidesOnTheRunOfTheApprovalForTheAccountsItCovered() {
    STUB.wiremock()
        .stubFor(
            post(decisionPath)
                .willReturn(
                    okJson(
                        ApiShapes.approval("APPROVED", 24)
                            .replace("\"decidedBy\":null", "\"decidedBy\":\"aki.approver\""))));

    Result result = cli.run("approvals", "approve", APPROVAL_ID, "--comment", "checked the logs");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "Deciding "
                + APPROVAL_ID
                + ": approve on step disable-privileged (DISABLE_ACCOUNT) for 24 account(s)")
        .contains("Approval " + APPROVAL_ID + " APPROVED by aki.approver");
    STUB.wiremock()
        .verify(
            postRequestedFor(urlEqualTo(decisionPath))
                .withRequestBody(
                    equalToJson(
                        "{\"decision\":\"approve\",\"comment\":\"checked the logs\",\"accountCount\":24}")));
  }

  @Test
  void rejectSendsTheCountTheApproverReviewed() {
    STUB.wiremock()
        .stubFor(post(decisionPath).willReturn(okJson(ApiShapes.approval("REJECTED", 24))));

    Result result =
        cli.run(
            "approvals",
            "reject",
            APPROVAL_ID,
            "--comment",
            "false positive",
            "--account-count",
            "20");

    assertThat(result.exitCode()).isZero();
    STUB.wiremock()
        .verify(
            postRequestedFor(urlEqualTo(decisionPath))
                .withRequestBody(
                    equalToJson(
                        "{\"decision\":\"reject\",\"comment\":\"false positive\",\"accountCount\":20}")));
  }

  @Test
  void anUnknownApprovalIsSaidPlainly() {
    Result result = cli.run("approvals", "approve", "no-such-approval", "--comment", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("no approval no-such-approval");
  }

  @Test
  void listShowsPendingApprovalsByDefault() {
    Result result = cli.run("approvals", "list");

    assertThat(result.out()).contains(APPROVAL_ID).contains("DISABLE_ACCOUNT").contains("PENDING");
    STUB.wiremock()
        .verify(
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/api/v1/approvals?state=PENDING")));
  }
}
