package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.Topics;
import org.junit.jupiter.api.Test;

/** What each service does on the bus, as read from its sources (the ACLs are held to it). */
class KafkaAccessTest {

  @Test
  void accountServiceReadsCommandsAndWritesReportsAndResults() {
    KafkaAccess access = KafkaAccess.of(Repository.root().resolve("account-service"));

    assertThat(access.reads()).containsExactly(Topics.ACCOUNT_ACTIONS);
    assertThat(access.groups()).containsExactly("account-service");
    assertThat(access.writes())
        .containsExactlyInAnyOrder(Topics.COMPROMISE_REPORTS, Topics.ACCOUNT_ACTION_RESULTS);
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

    assertThat(access.reads()).containsExactly(Topics.PARTNER_NOTIFICATIONS);
    assertThat(access.writes()).containsExactly(Topics.NOTIFICATION_RESULTS);
  }
}
