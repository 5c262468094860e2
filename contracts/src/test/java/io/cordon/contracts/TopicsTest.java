package io.cordon.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void listsSevenDistinctCordonTopics() {
    assertThat(Topics.ALL)
        .hasSize(7)
        .doesNotHaveDuplicates()
        .allMatch(topic -> topic.startsWith("cordon."))
        .containsExactly(
            Topics.COMPROMISE_REPORTS,
            Topics.ACCOUNT_ACTIONS,
            Topics.ACCOUNT_ACTION_RESULTS,
            Topics.PARTNER_NOTIFICATIONS,
            Topics.NOTIFICATION_RESULTS,
            Topics.REMEDIATION_EVENTS,
            Topics.AUDIT_ANCHORS);
    assertThat(Topics.ACCOUNT_ACTION_RESULTS).isEqualTo("cordon.account-action-results");
  }
}
