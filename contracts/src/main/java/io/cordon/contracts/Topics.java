package io.cordon.contracts;

import java.util.List;

/** Kafka topic names shared by every service (see DESIGN.md §2 for keys and payloads). */
public final class Topics {

  /** Key: report id. Payload: {@code CompromiseReported}. */
  public static final String COMPROMISE_REPORTS = "cordon.compromise-reports";

  /** Key: account objectId. Payload: {@code ActionRequested}. */
  public static final String ACCOUNT_ACTIONS = "cordon.account-actions";

  /** Key: account objectId. Payload: {@code ActionCompleted}. */
  public static final String ACCOUNT_ACTION_RESULTS = "cordon.account-action-results";

  /** Key: incident id. Payload: {@code NotificationRequested}. */
  public static final String PARTNER_NOTIFICATIONS = "cordon.partner-notifications";

  /** Key: incident id. Payload: {@code NotificationDelivered} or {@code NotificationFailed}. */
  public static final String NOTIFICATION_RESULTS = "cordon.notification-results";

  /** Key: run id. Payload: {@code RemediationEvent}. */
  public static final String REMEDIATION_EVENTS = "cordon.remediation-events";

  /**
   * Compacted. Key: service name. Payload: the service's signed audit chain head ({@code
   * AuditAnchor} of service-commons), the latest per service kept.
   */
  public static final String AUDIT_ANCHORS = "cordon.audit-anchors";

  public static final List<String> ALL =
      List.of(
          COMPROMISE_REPORTS,
          ACCOUNT_ACTIONS,
          ACCOUNT_ACTION_RESULTS,
          PARTNER_NOTIFICATIONS,
          NOTIFICATION_RESULTS,
          REMEDIATION_EVENTS,
          AUDIT_ANCHORS);

  private Topics() {}
}
