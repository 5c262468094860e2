package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.Topics;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationResultsEvent;
import io.cordon.contracts.events.OpenedNotice;
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
 * A notify step waits for its partners' delivery results: it ends when each notice
 * notification-service opened has its final result (whichever came first, NoticesOpened or a
 * result), FAILED naming the partner whose delivery gave up, at once when no notice was opened, and
 * at its waitForDelivery naming the partners still retrying.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class DeliveryWaitTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String STEP = "steps.find { it.id == 'notify' }.outcome";

  private static void playbooks() {
    Runs.putPlaybook(
        """
        name: test-notify-waits
        steps:
          - id: notify
            action: NOTIFY_PARTNERS
            scope: run
            waitForDelivery: 1h
        """);
  }

  @Test
  void theStepWaitsWhileADeliveryRetriesAndEndsWhenEveryPartnerHasItsNotice() {
    Started run = start("test-notify-waits");
    Instant t0 = Instant.now();
    // a result may come before notification-service told how many there will be
    send(run, delivered(run, "partner-a", "webhook", t0));
    NoticesOpened opened =
        opened(
            run,
            new OpenedNotice("partner-a", "Acme", "webhook"),
            new OpenedNotice("partner-b", "Borealis", "webhook"),
            new OpenedNotice("partner-b", "Borealis", "email"));
    send(run, opened);
    send(run, opened); // a repeat counts once
    send(run, delivered(run, "partner-b", "email", t0.plusSeconds(1)));

    // Borealis' webhook is still being retried: the step waits, and says for whom
    await().atMost(WAIT).until(() -> String.valueOf(outcome(run).get("reason")).contains("2 of 3"));
    Map<String, Object> waiting = outcome(run);
    assertThat(waiting).containsEntry("state", "IN_PROGRESS");
    assertThat((String) waiting.get("reason")).contains("Borealis (partner-b) [webhook]");
    assertThat(Instant.parse((String) waiting.get("waitingUntil"))).isAfter(Instant.now());
    assertThat(Runs.state(run.runId)).isEqualTo("RUNNING");
    assertThat(
            Runs.queryLong(
                "select count(*) from notify_wait_notice where notification_id = ?",
                run.notificationId))
        .isEqualTo(3);

    send(run, delivered(run, "partner-b", "webhook", t0.plusSeconds(2)));

    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(run.runId)));
    assertThat(outcome(run))
        .containsEntry("state", "SUCCEEDED")
        .containsEntry("reasonCode", "OK")
        .doesNotContainKey("waitingUntil");
    assertThat((String) outcome(run).get("reason"))
        .isEqualTo("delivered to 2 partner(s): Acme (partner-a), Borealis (partner-b)");
  }

  @Test
  void aDeliveryThatGaveUpEndsTheStepFailedForThatPartner() {
    Started run = start("test-notify-waits");
    send(
        run,
        opened(
            run,
            new OpenedNotice("partner-a", "Acme", "webhook"),
            new OpenedNotice("partner-c", "Cobalt", "webhook")));
    send(run, delivered(run, "partner-a", "webhook", Instant.now()));
    send(
        run,
        new NotificationFailed(
            NotificationFailed.SCHEMA_VERSION,
            EventIds.random(),
            run.notificationId,
            run.incident,
            "partner-c",
            "webhook",
            1,
            "endpoint answered 410 Gone",
            Instant.now()));

    await().atMost(WAIT).until(() -> "FAILED".equals(outcome(run).get("state")));
    assertThat(outcome(run)).containsEntry("reasonCode", "DELIVERY_FAILED");
    assertThat((String) outcome(run).get("reason"))
        .isEqualTo(
            "delivery failed for Cobalt (partner-c) [webhook: endpoint answered 410 Gone];"
                + " delivered to Acme (partner-a)");
    await().atMost(WAIT).until(() -> !"RUNNING".equals(Runs.state(run.runId)));
  }

  @Test
  void noNoticeOpenedEndsTheStepAtOnceAndTheClosingRequestIsNotWaitedFor() {
    Started run = start("test-notify-waits");
    send(run, opened(run));

    await().atMost(WAIT).until(() -> "SUCCEEDED".equals(Runs.state(run.runId)));
    assertThat(outcome(run)).containsEntry("state", "SUCCEEDED");
    assertThat((String) outcome(run).get("reason")).startsWith("no notice to wait for");

    // what the run's closing request opened concerns no step
    String closing = run.notificationId + ":closing";
    send(
        run,
        new NoticesOpened(
            NoticesOpened.SCHEMA_VERSION,
            EventIds.random(),
            closing,
            run.incident,
            List.of(new OpenedNotice("partner-a", "Acme", "webhook")),
            Instant.now()));
    // same key, same partition: once this result is recorded, the closing NoticesOpened was read
    send(run, delivered(run, "partner-z", "webhook", Instant.now()));
    await()
        .atMost(WAIT)
        .until(
            () ->
                Runs.queryLong(
                        "select count(*) from partner_delivery where notification_id = ?"
                            + " and partner_id = 'partner-z'",
                        run.notificationId)
                    == 1);
    assertThat(
            Runs.queryLong("select count(*) from notify_wait where notification_id = ?", closing))
        .isZero();
    assertThat(Runs.state(run.runId)).isEqualTo("SUCCEEDED");
  }

  @Test
  void theWaitEndsAtItsBoundNamingThePartnersStillRetrying() {
    Started run = start("test-notify-waits");
    send(
        run,
        opened(
            run,
            new OpenedNotice("partner-a", "Acme", "webhook"),
            new OpenedNotice("partner-d", "Dune", "webhook")));
    send(run, delivered(run, "partner-a", "webhook", Instant.now()));
    await().atMost(WAIT).until(() -> String.valueOf(outcome(run).get("reason")).contains("1 of 2"));
    // the bound passes: its deadline is moved to now rather than waited for
    Runs.update(
        "update step_execution set deadline_at = now() where action_id = ?", run.notificationId);

    await().atMost(WAIT).until(() -> "FAILED".equals(outcome(run).get("state")));
    assertThat(outcome(run)).containsEntry("reasonCode", "TIMED_OUT");
    assertThat((String) outcome(run).get("reason"))
        .isEqualTo(
            "no final delivery result within 1h for Dune (partner-d) [webhook] (still retrying,"
                + " delivery goes on); delivered to Acme (partner-a)");

    // a result after the bound is still recorded, and changes the ended step no more
    send(run, delivered(run, "partner-d", "webhook", Instant.now()));
    await()
        .atMost(WAIT)
        .until(
            () ->
                Runs.queryLong(
                        "select count(*) from partner_delivery where notification_id = ?",
                        run.notificationId)
                    == 2);
    assertThat(outcome(run)).containsEntry("state", "FAILED");
  }

  private record Started(String runId, String incident, String notificationId) {}

  private static Started start(String playbook) {
    playbooks();
    String prefix = "wait-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String incident = "INC-" + prefix;
    String runId = Runs.start(playbook, incident, List.of(Accounts.account(prefix, 1)));
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      String notificationId = PartnerDeliveryResultsTest.requestOf(kafka, runId).notificationId();
      await().atMost(WAIT).until(() -> "IN_PROGRESS".equals(outcome(runId).get("state")));
      return new Started(runId, incident, notificationId);
    }
  }

  private static Map<String, Object> outcome(Started run) {
    return outcome(run.runId);
  }

  private static Map<String, Object> outcome(String runId) {
    Map<String, Object> outcome = Runs.run(runId).getMap(STEP);
    return outcome == null ? Map.of() : outcome;
  }

  private static NoticesOpened opened(Started run, OpenedNotice... notices) {
    return new NoticesOpened(
        NoticesOpened.SCHEMA_VERSION,
        EventIds.random(),
        run.notificationId,
        run.incident,
        List.of(notices),
        Instant.now());
  }

  private static NotificationDelivered delivered(
      Started run, String partner, String channel, Instant at) {
    return new NotificationDelivered(
        NotificationDelivered.SCHEMA_VERSION,
        EventIds.random(),
        run.notificationId,
        run.incident,
        partner,
        channel,
        1,
        at);
  }

  private static void send(Started run, NotificationResultsEvent event) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(Topics.NOTIFICATION_RESULTS, run.incident, EventJson.write(event));
    }
  }
}
