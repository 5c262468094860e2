package io.cordon.account.executor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.Topics;
import io.cordon.contracts.UserType;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From a posted report to CompromiseReported: resolution through Graph {@code $batch}. */
@QuarkusTest
@GraphExecutorResources
class ResolutionTest {
  private static final String RESPONDER =
      TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER);
  private static final String VIEWER = TestJwt.token("viewer@jaxa.example", TestJwt.VIEWER);

  @InjectGraphWireMock WireMockServer graph;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
  }

  @Test
  void reportIsResolvedAndPublishedWithTheFactsPlaybooksNeed() {
    String member = "11111111-0000-4000-8000-000000000001";
    String admin = "11111111-0000-4000-8000-000000000004";
    GraphBatchStub.graphBatch()
        .user(member, "taro@jaxa.example", "Member", false, List.of("MMX Project"), List.of())
        .user(
            "11111111-0000-4000-8000-000000000002",
            "hanako@jaxa.example",
            "Member",
            true,
            List.of(),
            List.of())
        .user(
            "11111111-0000-4000-8000-000000000003",
            "guest_nasa.example#EXT#@jaxa.example",
            "Guest",
            false,
            List.of("MMX Project"),
            List.of())
        .user(
            admin,
            "admin@jaxa.example",
            "Member",
            false,
            List.of(),
            List.of("Global Administrator"))
        // the first lookup of Taro is throttled: resolution retries it on its own
        .throttle("GET", member, 1, 429, 200)
        .install(graph);

    String reportId =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body(
                "{\"incident\":{\"id\":\"INC-RESOLVE\"},\"accounts\":[\"taro@jaxa.example\","
                    + "\"hanako@jaxa.example\",\"guest_nasa.example#EXT#@jaxa.example\",\""
                    + admin
                    + "\",\"ghost@jaxa.example\"]}")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(202)
            .extract()
            .path("reportId");

    await().atMost(Duration.ofSeconds(60)).until(() -> pending(reportId) == 0);
    List<String> resolutions =
        given()
            .auth()
            .oauth2(VIEWER)
            .get("/api/v1/compromise-reports/" + reportId)
            .then()
            .statusCode(200)
            .extract()
            .path("accounts.items.resolution");
    assertThat(resolutions)
        .containsExactly("RESOLVED", "RESOLVED", "RESOLVED", "RESOLVED", "USER_NOT_FOUND");

    CompromiseReported event = awaitReport(reportId).get(0);
    assertThat(event.chunks()).isEqualTo(1);
    // the name is for people; four eyes downstream compares the identity, which a rename keeps
    assertThat(event.reportedBy()).isEqualTo("responder@jaxa.example");
    assertThat(event.reportedById()).isEqualTo("iss:" + TestJwt.ISSUER + " responder@jaxa.example");
    Map<String, ResolvedAccount> byUpn =
        event.accounts().stream()
            .collect(Collectors.toMap(ResolvedAccount::userPrincipalName, Function.identity()));
    assertThat(byUpn).hasSize(4).doesNotContainKey("ghost@jaxa.example");
    assertThat(byUpn.get("taro@jaxa.example").objectId()).isEqualTo(member);
    assertThat(byUpn.get("taro@jaxa.example").groups())
        .extracting(g -> g.displayName())
        .containsExactly("MMX Project");
    assertThat(byUpn.get("hanako@jaxa.example").onPremisesSynced()).isTrue();
    // one tenant: the single-tenant keys are the tenant named "default"
    assertThat(byUpn.values()).extracting(ResolvedAccount::tenantName).containsOnly("default");
    assertThat(byUpn.get("guest_nasa.example#EXT#@jaxa.example").userType())
        .isEqualTo(UserType.GUEST);
    assertThat(byUpn.get("admin@jaxa.example").privilegedRoles())
        .containsExactly("Global Administrator");
    // what the app may do travels with the report, for the run's preflight
    assertThat(event.graphAccess()).isNotNull();
    assertThat(event.graphAccess().permissions()).contains("User.ReadWrite.All");
  }

  @Test
  void aReportNoneOfWhoseAccountsResolvedIsPublishedAsOneEventWithoutAccounts() {
    GraphBatchStub.graphBatch().install(graph);

    String reportId =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body(
                "{\"incident\":{\"id\":\"INC-NOBODY\"},\"accounts\":"
                    + "[\"22222222-0000-4000-8000-00000000dead\"]}")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(202)
            .extract()
            .path("reportId");

    // without it, a run reserved for this report by POST /runs would wait for ever
    assertThat(awaitReport(reportId))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.accounts()).isEmpty();
              assertThat(event.chunks()).isEqualTo(1);
            });
    given()
        .auth()
        .oauth2(VIEWER)
        .get("/api/v1/compromise-reports/" + reportId)
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("accounts.items[0].resolution", equalTo("USER_NOT_FOUND"));
  }

  @Test
  void aHalfFailedLookupReReadsOnlyTheHalfThatFailed() {
    String kenji = "33333333-0000-4000-8000-000000000001";
    GraphBatchStub.graphBatch()
        .user(kenji, "kenji@jaxa.example", "Member", false, List.of(), List.of())
        // the memberships are unavailable once; the user object was read the first time
        .throttle("GET", kenji + "/transitiveMemberOf", 1, 503, 200)
        .install(graph);

    String reportId =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body("{\"incident\":{\"id\":\"INC-HALF\"},\"accounts\":[\"" + kenji + "\"]}")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(202)
            .extract()
            .path("reportId");

    assertThat(awaitReport(reportId).get(0).accounts())
        .singleElement()
        .satisfies(a -> assertThat(a.userPrincipalName()).isEqualTo("kenji@jaxa.example"));
    List<String> urls =
        GraphJournal.innerRequests(graph).stream()
            .map(GraphJournal.InnerRequest::url)
            .filter(url -> url.contains(kenji))
            .toList();
    assertThat(urls.stream().filter(url -> url.contains("/transitiveMemberOf"))).hasSize(2);
    assertThat(urls.stream().filter(url -> !url.contains("/transitiveMemberOf"))).hasSize(1);
  }

  @Test
  void largeReportIsPublishedInChunksOfAtMostFiveHundred() {
    GraphBatchStub stub = GraphBatchStub.graphBatch();
    String accounts =
        IntStream.range(0, 1201)
            .mapToObj(
                i -> {
                  String upn = "crew" + i + "@jaxa.example";
                  stub.user(
                      String.format("22222222-0000-4000-8000-%012d", i),
                      upn,
                      "Member",
                      false,
                      List.of(),
                      List.of());
                  return "\"" + upn + "\"";
                })
            .collect(Collectors.joining(","));
    stub.install(graph);

    String reportId =
        given()
            .auth()
            .oauth2(RESPONDER)
            .contentType(ContentType.JSON)
            .body("{\"incident\":{\"id\":\"INC-LARGE\"},\"accounts\":[" + accounts + "]}")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(202)
            .extract()
            .path("reportId");

    List<CompromiseReported> chunks = awaitChunks(reportId, 3);
    assertThat(chunks).extracting(CompromiseReported::chunk).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(chunks.stream().mapToInt(c -> c.accounts().size()).sum()).isEqualTo(1201);
    assertThat(chunks).allMatch(c -> c.accounts().size() <= 500);
  }

  private static long pending(String reportId) {
    return ((Number)
            given()
                .auth()
                .oauth2(VIEWER)
                .get("/api/v1/compromise-reports/" + reportId)
                .then()
                .extract()
                .path("counts.pending"))
        .longValue();
  }

  private static List<CompromiseReported> awaitReport(String reportId) {
    return awaitChunks(reportId, 1);
  }

  private static List<CompromiseReported> awaitChunks(String reportId, int count) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      List<CompromiseReported> found = List.of();
      while (found.size() < count && System.nanoTime() < deadline) {
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        found =
            kafka.readAll(Topics.COMPROMISE_REPORTS).stream()
                .filter(r -> reportId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), CompromiseReported.class))
                .collect(Collectors.toMap(CompromiseReported::chunk, c -> c, (a, b) -> a))
                .values()
                .stream()
                .toList();
      }
      assertThat(found).hasSize(count);
      return found;
    }
  }
}
