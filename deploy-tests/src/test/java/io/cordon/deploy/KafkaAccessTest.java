package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.Topics;
import org.junit.jupiter.api.Test;

/** What each service does on the bus, as read from its sources (the ACLs are held to it). */
class KafkaAccessTest {

  @Test
  void accountServiceReadsCommandsAndWritesReportsAndResults() {
    KafkaAccess access = KafkaAccess.of(Repository.root().resolve("account-service"));

    assertThat(access.reads())
        .containsExactlyInAnyOrder(Topics.ACCOUNT_ACTIONS, Topics.AUDIT_ANCHORS);
    assertThat(access.groups()).containsExactly("account-service");
    assertThat(access.writes())
        .containsExactlyInAnyOrder(
            Topics.COMPROMISE_REPORTS, Topics.ACCOUNT_ACTION_RESULTS, Topics.AUDIT_ANCHORS);
  }

  @Test
  void onlyPlaybookServiceWritesCommands() {
    assertThat(Repository.kafkaAccess())
        .allSatisfy(
            (service, access) ->
                assertThat(access.writes().contains(Topics.ACCOUNT_ACTIONS))
                    .as(service)
                    .isEqualTo(service.equals("playbook-service")));
  }

  @Test
  void notificationServiceReadsRequestsAndWritesOnlyResults() {
    KafkaAccess access = KafkaAccess.of(Repository.root().resolve("notification-service"));

    assertThat(access.reads())
        .containsExactlyInAnyOrder(Topics.PARTNER_NOTIFICATIONS, Topics.AUDIT_ANCHORS);
    assertThat(access.writes())
        .containsExactlyInAnyOrder(Topics.NOTIFICATION_RESULTS, Topics.AUDIT_ANCHORS);
  }

  @Test
  void everyServicePublishesAndReadsBackItsAuditAnchorsThroughServiceCommons() {
    assertThat(Repository.kafkaAccess())
        .hasSize(3)
        .allSatisfy(
            (service, access) -> {
              assertThat(access.writes()).as(service).contains(Topics.AUDIT_ANCHORS);
              assertThat(access.reads()).as(service).contains(Topics.AUDIT_ANCHORS);
            });
  }
}
