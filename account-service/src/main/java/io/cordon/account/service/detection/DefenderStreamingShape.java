package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.IndicatorType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch of the Microsoft Defender XDR streaming API as it arrives through Event Hubs or Azure
 * Storage: {@code {records:[{time, tenantId, operationName, category:"AdvancedHunting-...",
 * properties:{...}}]}}.
 *
 * <p>Accounts are the {@code AdvancedHunting-AlertEvidence} rows with {@code EntityType} {@code
 * User}: {@code AccountObjectId}, else {@code AccountUpn}; the record's {@code tenantId} is the
 * tenant. Rows are grouped by {@code AlertId}; the whole batch becomes one report (a batch is cut
 * by time, not by alert, so one alert's rows may even span batches), whose incident is the alert id
 * (the first alert's, "+N more" in the title when the batch spans several alerts). Severity comes
 * from {@code AdvancedHunting-AlertInfo} rows of the same alerts when the batch carries them
 * (AlertEvidence has none). The other AlertEvidence rows of an alert (IP, URL, file) become its
 * accounts' indicators; the earliest {@code Timestamp} their first sighting. Records of other
 * tables are ignored.
 */
public final class DefenderStreamingShape implements DetectionShape {
  private static final String PREFIX = "advancedhunting-";
  private static final String ALERT_EVIDENCE = "advancedhunting-alertevidence";
  private static final String ALERT_INFO = "advancedhunting-alertinfo";

  @Override
  public String source() {
    return "defender-streaming";
  }

  @Override
  public String name() {
    return "Microsoft Defender XDR streaming batch";
  }

  @Override
  public String description() {
    return "Microsoft Defender XDR streaming API batch {records:[{category:"
        + "\"AdvancedHunting-AlertEvidence\", properties:{...}}]}, accounts from AlertEvidence"
        + " rows with EntityType User (AccountObjectId, AccountUpn)";
  }

  @Override
  public boolean matches(JsonNode payload) {
    JsonNode records = Nodes.array(payload, "records");
    if (records == null || records.isEmpty()) {
      return false;
    }
    for (JsonNode record : records) {
      String category = category(record);
      if (category == null || !category.startsWith(PREFIX)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Detection parse(JsonNode payload) {
    JsonNode records = Nodes.array(payload, "records");
    Map<String, AlertGroup> groups = new LinkedHashMap<>();
    Map<String, JsonNode> alertInfo = new LinkedHashMap<>();
    Map<String, DetectionIndicators> indicators = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      JsonNode row = Nodes.object(record, "properties");
      String alertId = Nodes.text(row, "AlertId");
      if (ALERT_INFO.equals(category(record)) && alertId != null) {
        alertInfo.putIfAbsent(alertId, row);
      } else if (ALERT_EVIDENCE.equals(category(record))
          && !"User".equalsIgnoreCase(Nodes.text(row, "EntityType"))) {
        Instant at = ActivityTimes.latest(row, "Timestamp");
        indicator(
            row,
            at,
            indicators.computeIfAbsent(
                alertId == null ? "" : alertId,
                id -> new DetectionIndicators(DetectionIndicators.DEFENDER)));
      } else if (ALERT_EVIDENCE.equals(category(record))) {
        AlertGroup group =
            groups.computeIfAbsent(
                alertId == null ? "" : alertId, id -> new AlertGroup(Nodes.text(row, "Title")));
        group.activityAt =
            ActivityTimes.later(group.activityAt, ActivityTimes.latest(row, "Timestamp"));
        group.firstSeenAt =
            ActivityTimes.earlier(group.firstSeenAt, ActivityTimes.latest(row, "Timestamp"));
        group.accounts.add(
            "records[" + i + "]",
            Nodes.text(row, "AccountObjectId"),
            Nodes.text(row, "AccountUpn"),
            Nodes.text(record, "tenantId"),
            AccountCollector.describe(
                Nodes.text(row, "AccountDomain"),
                Nodes.text(row, "AccountName"),
                Nodes.text(row, "AccountSid")));
      }
    }
    List<DetectedItem> items = new ArrayList<>(groups.size());
    groups.forEach(
        (alertId, group) -> {
          JsonNode info = alertInfo.get(alertId);
          String title = group.title != null ? group.title : Nodes.text(info, "Title");
          // an alert id is not an incident: the alert joins the one holding its accounts
          items.add(
              DetectedItem.of(
                      alertId.isEmpty() ? null : alertId,
                      title,
                      VendorSeverity.of(Nodes.text(info, "Severity")),
                      group.accounts)
                  .namingNoIncident()
                  .withActivity(group.activityAt)
                  .withEvidence(
                      group.firstSeenAt,
                      indicators.containsKey(alertId)
                          ? indicators.get(alertId).list()
                          : List.of()));
        });
    return Detection.merge(source(), name(), items);
  }

  /**
   * An AlertEvidence row that names an indicator of compromise (source {@code defender}), per the
   * table's columns
   * (https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-alertevidence-table): {@code
   * RemoteIP}, {@code RemoteUrl} and a file's {@code SHA256}, whatever its EntityType.
   */
  private static void indicator(JsonNode row, Instant observedAt, DetectionIndicators out) {
    out.addAddress(Nodes.text(row, "RemoteIP"), observedAt);
    out.add(IndicatorType.URL, Nodes.text(row, "RemoteUrl"), observedAt);
    out.add(IndicatorType.SHA256, Nodes.text(row, "SHA256"), observedAt);
  }

  private static String category(JsonNode record) {
    String category = Nodes.text(record, "category");
    return category == null ? null : category.toLowerCase(Locale.ROOT);
  }

  private static final class AlertGroup {
    final String title;
    final AccountCollector accounts = new AccountCollector();
    Instant activityAt;
    Instant firstSeenAt;

    AlertGroup(String title) {
      this.title = title;
    }
  }
}
