package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.commons.tracing.TraceAttributes;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.cordon.testsupport.Traceparents;
import io.cordon.testsupport.TracingTestProfile;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The middle of the REST -> Kafka -> Graph trace: a CompromiseReported that arrives with a
 * traceparent header starts a run whose engine, polling later on its own thread, publishes the
 * ActionRequested under that same trace. With TraceAcrossWorkersTest in account-service this links
 * the REST call that reported an account to the Graph call that revokes its sessions.
 */
@QuarkusTest
@TestProfile(TracingTestProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class TraceThroughRunTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Inject InMemorySpanExporter spans;

  @Test
  void actionRequestedContinuesTheTraceOfTheCompromiseReport() {
    String prefix = "trace-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    ResolvedAccount account = Accounts.account(prefix, 1);
    CompromiseReported report =
        CompromiseReported.chunked(
                "report-" + prefix,
                new IncidentRef("INC-" + prefix, "traced report", Severity.HIGH),
                List.of(account),
                null,
                ReportSource.MANUAL,
                Runs.RESPONDER,
                TestJwt.identityOf(Runs.RESPONDER),
                Instant.now())
            .get(0);
    String traceparent = Traceparents.random();
    String traceId = Traceparents.traceId(traceparent);

    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(
          Topics.COMPROMISE_REPORTS,
          report.reportId(),
          EventJson.write(report),
          Map.of("ce_id", report.eventId(), Traceparents.HEADER, traceparent));

      List<ConsumerRecord<String, String>> requests =
          kafka.awaitMatching(
              Topics.ACCOUNT_ACTIONS, r -> account.objectId().equals(r.key()), WAIT);
      ConsumerRecord<String, String> request = requests.get(requests.size() - 1);
      assertThat(Traceparents.traceIdOf(request)).isEqualTo(traceId);
    }
    SpanData dispatch =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getName().equals("Dispatcher.dispatch"))
                        .filter(s -> s.getTraceId().equals(traceId))
                        .findFirst()
                        .orElse(null),
                span -> span != null);
    assertThat(dispatch.getAttributes().get(TraceAttributes.OBJECT_ID))
        .isEqualTo(account.objectId());
    assertThat(dispatch.getAttributes().get(TraceAttributes.RUN_ID)).isNotBlank();
    assertThat(dispatch.getAttributes().get(TraceAttributes.ACTION)).isNotBlank();
    assertThat(dispatch.getAttributes().get(TraceAttributes.UPN)).isNull();
  }
}
