package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kafka delivers at least once: an ActionCompleted may arrive again after a rebalance or a restart.
 * A repeat must change nothing, not even burn a retry.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class RedeliveredOutcomeTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final TestResponder.Answer FAILED =
      new TestResponder.Answer(ActionOutcome.FAILED_PERMANENT, ReasonCode.GRAPH_UNAVAILABLE, "503");

  @Test
  void aRedeliveredOutcomeChangesNothing() {
    Runs.putPlaybook(
        """
        name: test-redelivery
        steps:
          - id: revoke
            action: REVOKE_SESSIONS
            retry: {maxAttempts: 2, backoff: {initial: 100ms, max: 100ms}}
          - id: reset
            action: RESET_PASSWORD
        """);
    String prefix = "redeliver-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    // outcomes are sent by hand below
    try (TestResponder responder = TestResponder.start(prefix, request -> null);
        KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      String runId =
          Runs.start("test-redelivery", "INC-" + prefix, List.of(Accounts.account(prefix, 1)));
      ActionRequested firstAttempt = awaitRequest(responder, 1);
      responder.answer(firstAttempt, FAILED);

      // a failed attempt is retried, and under a new action id: the old one is final downstream
      ActionRequested secondAttempt = awaitRequest(responder, 2);
      assertThat(secondAttempt.action()).isEqualTo(ActionType.REVOKE_SESSIONS);
      assertThat(secondAttempt.actionId()).isNotEqualTo(firstAttempt.actionId());

      // the failure again, twice: without idempotence it would use up the last attempt
      redeliver(kafka, firstAttempt, FAILED);
      redeliver(kafka, firstAttempt, FAILED);
      responder.answer(secondAttempt, TestResponder.Answer.succeeded());
      ActionRequested reset = awaitRequest(responder, 3);
      assertThat(reset.action()).isEqualTo(ActionType.RESET_PASSWORD);

      // the success again: without idempotence it would start the next step a second time
      redeliver(kafka, secondAttempt, TestResponder.Answer.succeeded());
      responder.answer(reset, TestResponder.Answer.succeeded());
      await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(runId)));
      Map<String, Object> before = Runs.accounts(runId, 10).get(0);
      String finishedAt = Runs.run(runId).getString("finishedAt");
      long eventsBefore = outboxRowsFor(runId);

      // everything once more, after the run finished
      redeliver(kafka, firstAttempt, FAILED);
      redeliver(kafka, secondAttempt, TestResponder.Answer.succeeded());
      redeliver(kafka, reset, TestResponder.Answer.succeeded());
      awaitConsumedPast(kafka, reset);

      assertThat(responder.requests()).hasSize(3);
      assertThat(Runs.accounts(runId, 10).get(0)).isEqualTo(before);
      assertThat(Runs.step(before, "revoke"))
          .containsEntry("state", "SUCCEEDED")
          .containsEntry("attempt", 2)
          .containsEntry("dispatches", 2);
      assertThat(Runs.step(before, "reset")).containsEntry("state", "SUCCEEDED");
      assertThat(Runs.run(runId).getString("finishedAt")).isEqualTo(finishedAt);
      assertThat(Runs.state(runId)).isEqualTo("SUCCEEDED");
      assertThat(outboxRowsFor(runId)).isEqualTo(eventsBefore);
    }
  }

  private static ActionRequested awaitRequest(TestResponder responder, int count) {
    await().atMost(WAIT).until(() -> responder.requests().size() >= count);
    assertThat(responder.requests()).hasSize(count);
    return responder.requests().get(count - 1);
  }

  /** Sends the very ActionCompleted account-service sent before (same event id). */
  private static void redeliver(
      KafkaTestClient kafka, ActionRequested request, TestResponder.Answer answer) {
    kafka.send(
        Topics.ACCOUNT_ACTION_RESULTS,
        request.account().objectId(),
        EventJson.write(TestResponder.completed(request, answer)));
  }

  /**
   * A marker on the same partition as the repeats, consumed after them: once it is recorded, the
   * repeats were seen.
   */
  private static void awaitConsumedPast(KafkaTestClient kafka, ActionRequested request) {
    ActionCompleted marker =
        new ActionCompleted(
            ActionCompleted.SCHEMA_VERSION,
            EventIds.random(),
            EventIds.random(),
            request.runId(),
            request.stepId(),
            request.account(),
            request.action(),
            ActionOutcome.SUCCEEDED,
            ReasonCode.OK,
            null,
            null,
            1,
            Instant.now());
    kafka.send(
        Topics.ACCOUNT_ACTION_RESULTS, request.account().objectId(), EventJson.write(marker));
    await()
        .atMost(WAIT)
        .until(
            () ->
                Runs.queryLong(
                        "select count(*) from processed_event where event_id = ?", marker.eventId())
                    == 1);
  }

  private static long outboxRowsFor(String runId) {
    return Runs.queryLong(
        "select count(*) from outbox_message where message_key = ? or payload like ?",
        runId,
        "%" + runId + "%");
  }
}
