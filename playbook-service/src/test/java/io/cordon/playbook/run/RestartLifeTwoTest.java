package io.cordon.playbook.run;

import static io.cordon.playbook.run.RestartProfiles.ACCOUNTS;
import static io.cordon.playbook.run.RestartProfiles.ACCOUNT_PREFIX;
import static io.cordon.playbook.run.RestartProfiles.INCIDENT;
import static io.cordon.playbook.run.RestartProfiles.RESPONDER_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.Topics;
import io.cordon.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Second life: the application starts again on {@link RestartLifeOneTest}'s database. The run must
 * resume and finish with every action dispatched exactly once: none lost, none repeated.
 */
@QuarkusTest
@TestProfile(RestartProfiles.LifeTwo.class)
class RestartLifeTwoTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theRunResumesAndFinishesWithEveryActionDispatchedExactlyOnce() throws Exception {
    Instant restartedAt = Instant.now();
    List<String> runs =
        Runs.asViewer()
            .queryParam("incident", INCIDENT)
            .get("/api/v1/runs")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    assertThat(runs).as("RestartLifeOneTest must run first, on the same database").hasSize(1);
    String runId = runs.get(0);
    assertThat(Runs.run(runId).getString("finishedAt")).as("unfinished at restart").isNull();

    // account-service continues where it stopped reading, including requests sent meanwhile
    try (TestResponder accountService =
        TestResponder.durable(
            RESPONDER_GROUP, ACCOUNT_PREFIX, request -> TestResponder.Answer.succeeded())) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> "SUCCEEDED".equals(Runs.state(runId)));
    }

    int perAccountSteps = 3;
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      Map<String, Set<String>> eventIdsPerAction = new HashMap<>();
      for (ConsumerRecord<String, String> record : kafka.readAll(Topics.ACCOUNT_ACTIONS)) {
        JsonNode request = JSON.readTree(record.value());
        if (runId.equals(request.path("runId").asText())) {
          eventIdsPerAction
              .computeIfAbsent(request.path("actionId").asText(), id -> new HashSet<>())
              .add(header(record, "ce_id"));
        }
      }
      // none lost: every (account, step) was requested; none repeated: each by one dispatch
      assertThat(eventIdsPerAction).hasSize(ACCOUNTS * perAccountSteps);
      assertThat(eventIdsPerAction.values()).allMatch(eventIds -> eventIds.size() == 1);

      // the notify step's request and the closing one, each once
      List<String> notificationIds = new java.util.ArrayList<>();
      for (ConsumerRecord<String, String> record : kafka.readAll(Topics.PARTNER_NOTIFICATIONS)) {
        if (record.value().contains(runId)) {
          notificationIds.add(JSON.readTree(record.value()).path("notificationId").asText());
        }
      }
      assertThat(notificationIds).hasSize(2).doesNotHaveDuplicates();
      assertThat(notificationIds).anyMatch(id -> id.endsWith(":closing"));
    }
    assertThat(
            Runs.queryLong(
                "select count(*) from outbox_message where topic = ?"
                    + " and payload::jsonb ->> 'runId' = ?",
                Topics.ACCOUNT_ACTIONS,
                runId))
        .isEqualTo(ACCOUNTS * perAccountSteps);
    assertThat(
            Runs.queryLong(
                "select count(*) from step_execution where run_id = ? and object_id is not null"
                    + " and (dispatches <> 1 or state <> 'SUCCEEDED')",
                runId))
        .isZero();
    // the work really was split between the two lives
    assertThat(startedBefore(runId, restartedAt)).isPositive();
    assertThat(startedBefore(runId, restartedAt)).isLessThan(ACCOUNTS * perAccountSteps);
  }

  private static long startedBefore(String runId, Instant restartedAt) {
    return Runs.queryLong(
        "select count(*) from step_execution where run_id = ? and object_id is not null"
            + " and started_at < ?",
        runId,
        Timestamp.from(restartedAt));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
