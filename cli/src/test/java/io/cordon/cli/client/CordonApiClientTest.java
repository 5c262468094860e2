package io.cordon.cli.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cordon.cli.ApiShapes;
import io.cordon.cli.CliFailure;
import io.cordon.cli.StubServer;
import io.cordon.cli.config.Endpoints;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CordonApiClientTest {
  @RegisterExtension static final StubServer STUB = new StubServer();

  private final List<Duration> waits = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final AtomicInteger tokenAsked = new AtomicInteger();
  private CordonApiClient client;

  @BeforeEach
  void setUp() {
    URI base = URI.create(STUB.baseUrl());
    client =
        new CordonApiClient(
            CordonApiClient.defaultHttpClient(),
            new Endpoints(base, base, base),
            () -> {
              tokenAsked.incrementAndGet();
              return "the-token";
            },
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)),
            waits::add,
            notices::add);
  }

  @Test
  void sendsTheBearerTokenAskedForOnlyOnce() {
    STUB.wiremock()
        .stubFor(get("/api/v1/incidents").willReturn(okJson("{\"items\":[],\"next\":null}")));

    client.get(Service.PLAYBOOK, "/api/v1/incidents");
    client.get(Service.PLAYBOOK, "/api/v1/incidents");

    STUB.wiremock()
        .verify(
            2,
            getRequestedFor(urlEqualTo("/api/v1/incidents"))
                .withHeader("Authorization", equalTo("Bearer the-token")));
    assertThat(tokenAsked).hasValue(1);
  }

  @Test
  void a503IsRetriedAfterTheRetryAfterItNames() {
    STUB.wiremock()
        .stubFor(
            post("/api/v1/runs")
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(503)
                        .withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            ApiShapes.problem(
                                503,
                                "service-unavailable",
                                "Service Unavailable",
                                "try again",
                                null)))
                .willSetStateTo("up"));
    STUB.wiremock()
        .stubFor(
            post("/api/v1/runs")
                .inScenario("busy")
                .whenScenarioStateIs("up")
                .willReturn(
                    aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"r1\"}")));

    CordonApiClient.Answer answer =
        client.postJson(Service.PLAYBOOK, "/api/v1/runs", Query.of(), Map.of("incidentId", "I"));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().path("id").asText()).isEqualTo("r1");
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(notices)
        .containsExactly("playbook-service answered 503; trying again in 7 s (1 of 3)");
    STUB.wiremock().verify(2, postRequestedFor(urlEqualTo("/api/v1/runs")));
  }

  @Test
  void a429WithoutRetryAfterBacksOffAndGivesUpAfterTheLastRetry() {
    STUB.wiremock().stubFor(get("/api/v1/partners").willReturn(aResponse().withStatus(429)));

    assertThatThrownBy(() -> client.get(Service.NOTIFICATION, "/api/v1/partners"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().title()).isEqualTo("HTTP 429"));
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    STUB.wiremock().verify(4, getRequestedFor(urlEqualTo("/api/v1/partners")));
  }

  @Test
  void otherErrorsAreNotRetried() {
    STUB.wiremock()
        .stubFor(
            get("/api/v1/partners/x")
                .willReturn(
                    aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            ApiShapes.problem(
                                500, "internal-error", "Internal Server Error", "ref 42", null))));

    assertThatThrownBy(() -> client.get(Service.NOTIFICATION, "/api/v1/partners/x"))
        .isInstanceOf(ApiException.class);
    STUB.wiremock().verify(1, getRequestedFor(urlEqualTo("/api/v1/partners/x")));
    assertThat(waits).isEmpty();
  }

  @Test
  void aProblemDocumentIsReadWithItsFields() {
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
                                "incidentId: must not be blank",
                                "incidentId"))));

    assertThatThrownBy(
            () ->
                client.post(
                    Service.ACCOUNT,
                    "/api/v1/compromise-reports",
                    Query.of(),
                    "text/csv",
                    "account\n",
                    Map.of()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo("urn:cordon:problem:validation-failed");
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors())
                  .containsExactly(
                      new ApiProblem.FieldError("incidentId", "incidentId: must not be blank"));
            });
  }

  @Test
  void anAnswerThatIsNotAProblemStillSaysWhatCame() {
    STUB.wiremock()
        .stubFor(
            get("/api/v1/runs")
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad   gateway</html>")));

    assertThatThrownBy(() -> client.get(Service.PLAYBOOK, "/api/v1/runs"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().title()).isEqualTo("HTTP 502");
              assertThat(e.problem().detail()).isEqualTo("<html>Bad gateway</html>");
            });
  }

  @Test
  void allItemsFollowsTheCursors() {
    STUB.wiremock()
        .stubFor(
            get(urlEqualTo("/api/v1/approvals?run=r1&limit=1000"))
                .willReturn(okJson("{\"items\":[{\"id\":\"a\"}],\"next\":\"c2\"}")));
    STUB.wiremock()
        .stubFor(
            get(urlEqualTo("/api/v1/approvals?run=r1&limit=1000&cursor=c2"))
                .willReturn(okJson("{\"items\":[{\"id\":\"b\"}],\"next\":null}")));

    List<JsonNode> items =
        client.allItems(Service.PLAYBOOK, "/api/v1/approvals", Query.of().with("run", "r1"));

    assertThat(items).extracting(item -> item.path("id").asText()).containsExactly("a", "b");
  }

  @Test
  void anUnreachableServiceIsNamedWithTheSettingThatMovesIt() {
    URI nowhere = URI.create("http://127.0.0.1:9");
    CordonApiClient offline =
        new CordonApiClient(
            CordonApiClient.defaultHttpClient(),
            new Endpoints(nowhere, nowhere, nowhere),
            () -> "t",
            RetryPolicy.DEFAULT,
            waits::add,
            notices::add);

    assertThatThrownBy(() -> offline.get(Service.ACCOUNT, "/api/v1/compromise-reports"))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("cannot reach account-service at http://127.0.0.1:9")
        .hasMessageContaining("CORDON_ACCOUNT_URL");
  }
}
