package io.cordon.account.executor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.commons.tracing.TraceAttributes;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.Traceparents;
import io.cordon.testsupport.TracingTestProfile;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two hops of account-service that pass through rows and polling workers, traced: the REST call
 * that reports an account reaches the CompromiseReported record's traceparent header, and an
 * ActionRequested's traceparent header reaches the Graph call that revokes the account's sessions.
 */
@QuarkusTest
@TestProfile(TracingTestProfile.class)
@GraphExecutorResources
class TraceAcrossWorkersTest {
  private static final String RESPONDER =
      TestJwt.token("responder@jaxa.example", TestJwt.RESPONDER);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @InjectGraphWireMock WireMockServer graph;
  @Inject InMemorySpanExporter spans;
  KafkaTestClient kafka;

  @BeforeEach
  void setUp() {
    ExecutorGraph.reset(graph);
    spans.reset();
    kafka = KafkaTestClient.forEmbeddedBroker();
  }

  @AfterEach
  void tearDown() {
    kafka.close();
  }

  @Test
  void reportedAccountsArePublishedInTheTraceOfTheRestCall() {
    String objectId = "33333333-0000-4000-8000-000000000001";
    GraphBatchStub.graphBatch()
        .user(objectId, "kenji@jaxa.example", "Member", false, List.of(), List.of())
        .install(graph);

    String reportId =
        given()
            .auth()
            .oauth2(RESPONDER)
            .header("X-Correlation-Id", "trace-test-1")
            .contentType(ContentType.JSON)
            .body("{\"incident\":{\"id\":\"INC-TRACE\"},\"accounts\":[\"kenji@jaxa.example\"]}")
            .post("/api/v1/compromise-reports")
            .then()
            .statusCode(202)
            // correlation ids keep working beside trace ids
            .header("X-Correlation-Id", "trace-test-1")
            .extract()
            .path("reportId");

    SpanData rest =
        awaitSpan(
            s -> s.getKind() == SpanKind.SERVER && s.getName().contains("compromise-reports"));
    String traceId = rest.getTraceId();
    ConsumerRecord<String, String> published =
        last(kafka.awaitMatching(Topics.COMPROMISE_REPORTS, r -> reportId.equals(r.key()), WAIT));
    assertThat(Traceparents.traceIdOf(published)).isEqualTo(traceId);
    assertThat(awaitSpan(named("ReportPublisher.publishIfSettled", traceId))).isNotNull();
    SpanData producer = awaitSpan(named("KafkaOutboxSender.send", traceId));
    assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
  }

  @Test
  void graphRevokeContinuesTheTraceTheActionRequestArrivedWith() {
    GraphBatchStub.graphBatch().install(graph);
    ActionTraffic traffic = new ActionTraffic();
    ActionRequested request = traffic.request(7, ActionType.REVOKE_SESSIONS);
    String traceparent = Traceparents.random();
    String traceId = Traceparents.traceId(traceparent);

    kafka.send(
        Topics.ACCOUNT_ACTIONS,
        request.account().objectId(),
        EventJson.write(request),
        Map.of("ce_id", request.eventId(), Traceparents.HEADER, traceparent));

    SpanData graphCall = awaitSpan(named("GraphBatchClient.send", traceId));
    assertThat(graphCall.getKind()).isEqualTo(SpanKind.CLIENT);
    SpanData executor = awaitSpan(named("BatchExecutor.execute", traceId));
    assertThat(graphCall.getParentSpanId()).isEqualTo(executor.getSpanId());
    assertThat(executor.getAttributes().get(TraceAttributes.OBJECT_ID))
        .isEqualTo(request.account().objectId());
    assertThat(executor.getAttributes().get(TraceAttributes.ACTION)).isEqualTo("REVOKE_SESSIONS");
    assertThat(executor.getAttributes().get(TraceAttributes.RUN_ID)).isEqualTo(traffic.runId);
    // a UPN is personal data: only on spans when configured
    assertThat(executor.getAttributes().get(TraceAttributes.UPN)).isNull();
    // the outcome travels back to playbook-service in the same trace
    ConsumerRecord<String, String> completed =
        last(
            kafka.awaitMatching(
                Topics.ACCOUNT_ACTION_RESULTS, r -> r.value().contains(request.actionId()), WAIT));
    assertThat(Traceparents.traceIdOf(completed)).isEqualTo(traceId);
    traffic.close();
  }

  private SpanData awaitSpan(Predicate<SpanData> match) {
    return await()
        .atMost(WAIT)
        .until(
            () -> spans.getFinishedSpanItems().stream().filter(match).findFirst().orElse(null),
            span -> span != null);
  }

  private static Predicate<SpanData> named(String name, String traceId) {
    return span -> span.getName().equals(name) && span.getTraceId().equals(traceId);
  }

  private static <T> T last(List<T> records) {
    return records.get(records.size() - 1);
  }
}
