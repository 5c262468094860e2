package io.cordon.contracts;

import io.cordon.contracts.events.AccountRef;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.ActionTally;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.AffectedScopes;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.CordonEvent;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.OpenedNotice;
import io.cordon.contracts.events.RemediationEvent;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.contracts.events.RunSummary;
import io.cordon.contracts.events.ScopeCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One fully populated instance of every event, optional fields included. */
public final class SampleEvents {

  public static final Instant AT = Instant.parse("2024-06-21T09:15:30.123456789Z");
  public static final GroupRef PROJECT_TEAM = new GroupRef("g-1", "H3 Rocket Project");
  public static final IncidentRef INCIDENT =
      new IncidentRef("INC-2024-0042", "VPN intrusion", Severity.CRITICAL);
  public static final AccountRef ACCOUNT = new AccountRef("u-1", "tanaka@example.jp", "tenant-1");

  private SampleEvents() {}

  public static List<CordonEvent> all() {
    return List.of(
        compromiseReported(),
        actionRequested(),
        actionCompleted(),
        notificationRequested(),
        notificationDelivered(),
        notificationFailed(),
        remediationEvent(),
        noticesOpened());
  }

  public static ResolvedAccount resolvedAccount(int n) {
    return new ResolvedAccount(
        "u-" + n,
        "user" + n + "@example.jp",
        "tenant-1",
        UserType.MEMBER,
        n % 2 == 0,
        true,
        n % 3 == 0 ? List.of("Global Administrator") : List.of(),
        List.of(PROJECT_TEAM),
        // no activityAt: CompromiseReportedEvidenceTest reads this as an earlier producer's event
        null,
        AT.minusSeconds(86_400),
        List.of(
            new Indicator(IndicatorType.IPV4, "203.0.113.7", AT.minusSeconds(600), "csv"),
            new Indicator(IndicatorType.RISK_EVENT_TYPE, "unfamiliarFeatures", null, null)),
        "contoso");
  }

  public static CompromiseReported compromiseReported() {
    return new CompromiseReported(
        CompromiseReported.SCHEMA_VERSION,
        "evt-1",
        "rep-1",
        1,
        1,
        INCIDENT,
        List.of(resolvedAccount(1), resolvedAccount(2), resolvedAccount(3)),
        "contain-compromised-account",
        ReportSource.CSV,
        "responder@example.jp",
        "iss:https://idp.example.jp responder-7",
        AT);
  }

  public static ActionRequested actionRequested() {
    return new ActionRequested(
        ActionRequested.SCHEMA_VERSION,
        "evt-2",
        "act-1",
        "run-1",
        "reset",
        ACCOUNT,
        ActionType.RESET_PASSWORD,
        Map.of("forceChangePasswordNextSignInWithMfa", "true"),
        AT,
        null);
  }

  public static ActionCompleted actionCompleted() {
    return new ActionCompleted(
        ActionCompleted.SCHEMA_VERSION,
        "evt-3",
        "act-1",
        "run-1",
        "reset",
        ACCOUNT,
        ActionType.RESET_PASSWORD,
        ActionOutcome.REQUIRES_MANUAL,
        ReasonCode.ON_PREMISES_SYNCED,
        "Reset the password in on-premises AD",
        "req-7f3a",
        1,
        AT);
  }

  public static NotificationRequested notificationRequested() {
    return new NotificationRequested(
        NotificationRequested.SCHEMA_VERSION,
        "evt-4",
        "ntf-1",
        INCIDENT,
        new RunSummary(
            "run-1",
            "contain-compromised-account",
            RunState.SUCCEEDED,
            200,
            AT,
            AT.plusSeconds(90)),
        new AffectedScopes(List.of(PROJECT_TEAM), List.of("example.jp"), List.of("space")),
        List.of(
            new ScopeCount(ScopeCount.GROUP, "g-1", 120),
            new ScopeCount("domain", "example.jp", 200)),
        List.of(new ActionTally(ActionType.REVOKE_SESSIONS, 190, 8, 0, 2)),
        List.of(
            AffectedAccount.of("Tanaka@Example.JP", List.of("g-1"))
                .withExposure(true, "CONTAINED", AT.plusSeconds(60), AT.minusSeconds(86_400))
                .withIndicators(
                    List.of(
                        new Indicator(
                            IndicatorType.IPV4, "203.0.113.7", AT.minusSeconds(600), "csv")))
                .inTenant("tenant-1")),
        AT);
  }

  public static NotificationDelivered notificationDelivered() {
    return new NotificationDelivered(
        NotificationDelivered.SCHEMA_VERSION,
        "evt-5",
        "ntf-1",
        "INC-2024-0042",
        "partner-toyota",
        "webhook",
        2,
        AT);
  }

  public static NotificationFailed notificationFailed() {
    return new NotificationFailed(
        NotificationFailed.SCHEMA_VERSION,
        "evt-6",
        "ntf-1",
        "INC-2024-0042",
        "partner-nasa",
        "webhook",
        8,
        "endpoint answered 410 Gone",
        AT);
  }

  public static NoticesOpened noticesOpened() {
    return new NoticesOpened(
        NoticesOpened.SCHEMA_VERSION,
        "evt-8",
        "ntf-1",
        "INC-2024-0042",
        List.of(
            new OpenedNotice("partner-toyota", "Toyota", "webhook"),
            new OpenedNotice("partner-toyota", "Toyota", "email")),
        AT);
  }

  public static RemediationEvent remediationEvent() {
    return new RemediationEvent(
        RemediationEvent.SCHEMA_VERSION,
        "evt-7",
        "run-1",
        "INC-2024-0042",
        RemediationEvent.ACCOUNT_STEP_CHANGED,
        RunState.RUNNING,
        "u-1",
        "reset",
        ActionState.REQUIRES_MANUAL,
        "synced from on-premises",
        AT);
  }
}
