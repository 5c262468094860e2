package io.cordon.account.service.verdict;

import io.cordon.account.client.GraphAnswer;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import java.time.Duration;
import java.util.Locale;

/**
 * Graph's answer to an outcome: any 2xx succeeds; 429 waits for Retry-After; 5xx and no answer back
 * off; 400/403/404 are permanent with a reason, except the on-premises case which needs a person.
 */
public final class AnswerClassifier {
  static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(5);
  // Graph's code for a user whose mailbox is not in Exchange Online (none, inactive, on-premises)
  static final String NO_MAILBOX = "MailboxNotEnabledForRESTAPI";

  private AnswerClassifier() {}

  public static Verdict classify(GraphAnswer answer) {
    int status = answer.status();
    if (answer.isSuccess()) {
      return Verdict.finish(ActionOutcome.SUCCEEDED, ReasonCode.OK, null);
    }
    if (status == 429) {
      Duration wait = answer.retryAfter() == null ? DEFAULT_THROTTLE_WAIT : answer.retryAfter();
      return Verdict.retry(wait, ReasonCode.THROTTLED, "throttled by Graph");
    }
    if (status == 0 || status == 401 || status == 408 || status >= 500) {
      return Verdict.retry(answer.retryAfter(), ReasonCode.GRAPH_UNAVAILABLE, describe(answer));
    }
    if (status == 404 && NO_MAILBOX.equals(answer.errorCode())) {
      // guests and unlicensed users have no Exchange Online mailbox: nothing to clean up there
      return Verdict.finish(
          ActionOutcome.SKIPPED, ReasonCode.NOT_APPLICABLE, "no Exchange Online mailbox");
    }
    if (status == 404) {
      return permanent(ReasonCode.USER_NOT_FOUND, answer);
    }
    if (status == 403) {
      return permanent(ReasonCode.INSUFFICIENT_PRIVILEGES, answer);
    }
    if (status == 400 && mentionsOnPremises(answer)) {
      return Verdict.finish(
          ActionOutcome.REQUIRES_MANUAL, ReasonCode.ON_PREMISES_SYNCED, describe(answer));
    }
    return permanent(ReasonCode.INVALID_REQUEST, answer);
  }

  private static Verdict permanent(ReasonCode reason, GraphAnswer answer) {
    return Verdict.finish(ActionOutcome.FAILED_PERMANENT, reason, describe(answer));
  }

  private static boolean mentionsOnPremises(GraphAnswer answer) {
    String message = answer.errorMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("on-premises mastered");
  }

  private static String describe(GraphAnswer answer) {
    String code = answer.errorCode() == null ? "" : answer.errorCode() + ": ";
    String message = answer.errorMessage() == null ? "" : answer.errorMessage();
    String text = "HTTP " + answer.status() + " " + code + message;
    return text.length() > 900 ? text.substring(0, 900) : text;
  }
}
