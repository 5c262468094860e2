package io.cordon.account.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.account.client.GraphAnswer;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnswerClassifierTest {

  @Test
  void aUserWithoutAnExchangeOnlineMailboxIsSkippedNotFailed() {
    Verdict verdict =
        AnswerClassifier.classify(
            new GraphAnswer(
                404,
                null,
                "req-1",
                "MailboxNotEnabledForRESTAPI",
                "The mailbox is either inactive, soft-deleted, or is hosted on-premise."));

    assertThat(verdict.outcome()).isEqualTo(ActionOutcome.SKIPPED);
    assertThat(verdict.reason()).isEqualTo(ReasonCode.NOT_APPLICABLE);
  }

  @Test
  void anyOther404IsAPermanentUnknownUser() {
    Verdict verdict =
        AnswerClassifier.classify(
            new GraphAnswer(404, null, "req-2", "Request_ResourceNotFound", "Resource not found"));

    assertThat(verdict.outcome()).isEqualTo(ActionOutcome.FAILED_PERMANENT);
    assertThat(verdict.reason()).isEqualTo(ReasonCode.USER_NOT_FOUND);
  }

  @Test
  void throttlingWaitsForRetryAfterAndOnPremisesNeedsAPerson() {
    Verdict throttled =
        AnswerClassifier.classify(new GraphAnswer(429, Duration.ofSeconds(7), "r", null, null));
    Verdict synced =
        AnswerClassifier.classify(
            new GraphAnswer(
                400,
                null,
                "r",
                "Request_BadRequest",
                "Unable to update the specified properties for on-premises mastered Directory Sync"
                    + " objects or objects currently undergoing migration."));

    assertThat(throttled.reason()).isEqualTo(ReasonCode.THROTTLED);
    assertThat(synced.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
    assertThat(synced.reason()).isEqualTo(ReasonCode.ON_PREMISES_SYNCED);
  }
}
