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
import static org.assertj.core.api.Assertions.assertThat;

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

/** incidents, accounts, partners and plan against stubs of their real answers. */
class ReadCommandsTest {
  @RegisterExtension static final StubServer STUB = new StubServer();
  @TempDir Path temporary;
  private CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(temporary).services(STUB.baseUrl()).token("token");
  }

  @Test
  void incidentsListFiltersByState() {
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/incidents"))
                .withQueryParam("state", equalTo("OPEN,CONTAINED"))
                .willReturn(
                    okJson(
                        ApiShapes.page(
                            "{\"id\":\"INC-7\",\"title\":\"VPN intrusion\",\"severity\":\"CRITICAL\","
                                + "\"state\":\"OPEN\",\"openedAt\":\"t0\",\"containedAt\":null,"
                                + "\"closedAt\":null}"))));

    Result result = cli.run("incidents", "list", "--state", "OPEN,CONTAINED");

    assertThat(result.out())
        .contains("ID     TITLE          SEVERITY  STATE  OPENED  CONTAINED  CLOSED")
        .contains("INC-7  VPN intrusion  CRITICAL  OPEN   t0      -          -");
  }

  @Test
  void incidentShowListsItsReportsWithTheirRuns() {
    STUB.wiremock()
        .stubFor(
            get("/api/v1/incidents/INC%207")
                .willReturn(okJson(ApiShapes.incidentWithReport("INC 7", ApiShapes.RUN_ID))));

    Result result = cli.run("incidents", "show", "INC 7");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("state     OPEN")
        .contains("UNCONTAINED 0, IN_PROGRESS 2")
        .contains(
            ApiShapes.REPORT_ID + "  CSV     rei.responder@cordon.local  " + ApiShapes.RUN_ID);
  }

  @Test
  void accountShowTakesAUpnAndListsTheActions() {
    STUB.wiremock()
        .stubFor(
            get("/api/v1/accounts/taro%40jaxa.example")
                .willReturn(
                    okJson(
                        "{\"objectId\":\"oid-1\",\"userPrincipalName\":\"taro@jaxa.example\","
                            + "\"incidents\":[{\"incidentId\":\"INC-7\",\"title\":\"VPN\","
                            + "\"incidentState\":\"CONTAINED\",\"account\":{\"state\":\"CONTAINED\","
                            + "\"since\":\"t1\",\"runId\":\"r1\"}}],\"evidence\":[],"
                            + "\"actions\":[{\"incidentId\":\"INC-7\",\"runId\":\"r1\","
                            + "\"stepId\":\"revoke\",\"action\":\"REVOKE_SESSIONS\","
                            + "\"state\":\"SUCCEEDED\",\"reason\":\"OK\",\"finishedAt\":\"t2\"}]}")));

    Result result = cli.run("accounts", "show", "taro@jaxa.example");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("account taro@jaxa.example  oid-1")
        .contains("INC-7     VPN    CONTAINED       CONTAINED    t1     r1")
        .contains("INC-7     r1   revoke  REVOKE_SESSIONS  SUCCEEDED  OK      t2");
  }

  @Test
  void partnersAreReadFromTheNotificationService() {
    String partner =
        "{\"id\":\"p1\",\"name\":\"Toyota Motor\",\"contacts\":[\"soc@toyota.example\"],"
            + "\"webhook\":{\"url\":\"https://hooks.toyota.example/cordon?…\",\"secretSet\":true},"
            + "\"scopes\":{\"groups\":[{\"id\":\"g1\",\"displayName\":\"Project H3\"}],"
            + "\"domains\":[\"toyota.example\"],\"tags\":[]},\"disclosure\":\"summary\","
            + "\"tlp\":\"TLP:AMBER\",\"createdAt\":\"t0\",\"createdBy\":\"ada\","
            + "\"updatedAt\":\"t1\",\"updatedBy\":\"ada\"}";
    STUB.wiremock().stubFor(get("/api/v1/partners").willReturn(okJson(ApiShapes.page(partner))));
    STUB.wiremock().stubFor(get("/api/v1/partners/p1").willReturn(okJson(partner)));

    Result list = cli.run("partners", "list");
    Result show = cli.run("partners", "show", "p1");

    assertThat(list.out())
        .contains(
            "p1  Toyota Motor  summary     TLP:AMBER  https://hooks.toyota.example/cordon?…  1"
                + "         1 group(s), 1 domain(s), 0 tag(s)");
    assertThat(show.out())
        .contains("groups     g1 (Project H3)")
        .contains("domains    toyota.example");
  }

  @Test
  void planSendsTheReportToTheDryRunAndSaysWhyItWouldNotStart() throws Exception {
    Path csv = Files.writeString(temporary.resolve("a.csv"), "account\ntaro@jaxa.example\n");
    STUB.wiremock()
        .stubFor(
            post("/api/v1/plans")
                .willReturn(
                    okJson(
                        "{\"dryRun\":true,\"playbook\":\"contain-compromised-account\","
                            + "\"playbookVersion\":1,\"wouldStart\":false,"
                            + "\"preflight\":\"preflight: step reset lacks a role\","
                            + "\"accepted\":1,\"rejected\":[],\"approvals\":[],"
                            + "\"protectedAccounts\":[],\"missing\":[\"step reset: lacks a role\"],"
                            + "\"accounts\":[{\"input\":\"taro@jaxa.example\","
                            + "\"resolution\":\"RESOLVED\",\"objectId\":\"oid-1\","
                            + "\"userPrincipalName\":\"taro@jaxa.example\",\"privilegedRoles\":[],"
                            + "\"steps\":[{\"stepId\":\"revoke\",\"action\":\"REVOKE_SESSIONS\","
                            + "\"decision\":\"RUN\"},{\"stepId\":\"reset\","
                            + "\"action\":\"RESET_PASSWORD\",\"decision\":\"REQUIRES_MANUAL\","
                            + "\"reason\":\"ON_PREMISES_SYNCED\"}]}]}")));

    Result result = cli.run("plan", csv.toString(), "--incident", "INC-7");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("would NOT start")
        .contains("preflight: step reset lacks a role")
        .contains("revoke:RUN reset:REQUIRES_MANUAL(ON_PREMISES_SYNCED)");
    STUB.wiremock()
        .verify(
            postRequestedFor(urlEqualTo("/api/v1/plans"))
                .withRequestBody(
                    equalToJson(
                        "{\"accounts\":[\"taro@jaxa.example\"],\"incident\":{\"id\":\"INC-7\"}}")));
  }

  @Test
  void evidenceIsWrittenReadableByItsOwnerOnly() throws Exception {
    String evidence =
        "{\"incidentId\":\"INC-7\",\"generatedAt\":\"t\",\"generatedBy\":\"vera\","
            + "\"complete\":true,\"missing\":[],\"runs\":[],\"reports\":[],"
            + "\"graphActions\":[],\"notices\":[],\"timeline\":[]}";
    STUB.wiremock()
        .stubFor(get("/api/v1/incidents/INC-7/evidence?format=json").willReturn(okJson(evidence)));
    Path file = temporary.resolve("inc-7.json");

    Result result = cli.run("evidence", "export", "INC-7", "--out", file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()))
        .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(evidence));
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void incompleteEvidenceNamesWhatIsMissingAndExitsOne() {
    STUB.wiremock()
        .stubFor(
            get("/api/v1/incidents/INC-7/evidence?format=json")
                .willReturn(
                    okJson(
                        "{\"incidentId\":\"INC-7\",\"complete\":false,\"missing\":[{"
                            + "\"service\":\"notification-service\",\"part\":\"notices\","
                            + "\"reason\":\"answered HTTP 503\"}]}")));

    Result result = cli.run("evidence", "export", "INC-7");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("incomplete: notification-service notices: answered HTTP 503\n");
    assertThat(result.out()).contains("\"incidentId\" : \"INC-7\"");
  }

  @Test
  void evidenceAsCsvIsTheTimelineAsSent() {
    String csv = "at,service,seq,kind\r\nt1,playbook-service,1,run\r\n";
    STUB.wiremock()
        .stubFor(
            get("/api/v1/incidents/INC-7/evidence?format=csv")
                .withHeader("Accept", equalTo("text/csv"))
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(csv)));

    Result result = cli.run("evidence", "export", "INC-7", "--format", "csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(csv);
  }

  @Test
  void anUnknownIncidentIsOneErrorLine() {
    STUB.wiremock()
        .stubFor(
            get("/api/v1/incidents/INC-404")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            ApiShapes.problem(
                                404, "not-found", "Not Found", "no incident INC-404", null))));

    Result result = cli.run("incidents", "show", "INC-404");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: Not Found: no incident INC-404\n");
    STUB.wiremock().verify(1, getRequestedFor(urlEqualTo("/api/v1/incidents/INC-404")));
  }
}
