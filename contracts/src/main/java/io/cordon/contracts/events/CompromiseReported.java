package io.cordon.contracts.events;

import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.OptionalField;
import io.cordon.contracts.ReportSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Accounts of a compromise report, resolved against Graph; topic {@code cordon.compromise-reports},
 * key {@link #reportId()}. A report larger than {@link #MAX_ACCOUNTS_PER_EVENT} is published as
 * {@link #chunks()} events sharing the report id.
 *
 * @param chunk 1-based position of this event among the report's {@code chunks}
 * @param accounts 1 to 500 accounts; none only in the single event of a report none of whose
 *     accounts resolved, so that the run it starts (or that waits for it) fails with the reason
 *     instead of waiting for accounts that will never come
 * @param requestedPlaybook absent when the reporter did not ask for one; the default playbook runs
 * @param reportedBy name of the principal that submitted the report, for people to read
 * @param reportedById that principal's unchangeable identity ({@code entra:<tid>/<oid>} or {@code
 *     iss:<issuer> <subject>}), which four eyes compares; absent when its token named none
 * @param incidentInferred true when the reporter named no incident (e.g. an Entra risk detection):
 *     {@code incident} is then only a proposal, and playbook-service files the report under the
 *     open incident that already holds one of its accounts; absent means false
 * @param graphAccess what Entra let the app do when the report was published (its permissions and
 *     directory roles), so a run can check its playbook before its first write; absent when
 *     account-service could not tell (no token)
 */
public record CompromiseReported(
    int schemaVersion,
    String eventId,
    String reportId,
    int chunk,
    int chunks,
    IncidentRef incident,
    List<ResolvedAccount> accounts,
    @OptionalField String requestedPlaybook,
    ReportSource source,
    String reportedBy,
    @OptionalField String reportedById,
    Instant reportedAt,
    @OptionalField Boolean incidentInferred,
    @OptionalField GraphAccess graphAccess)
    implements CordonEvent {

  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_ACCOUNTS_PER_EVENT = 500;
  private static final String TYPE = "CompromiseReported";

  public CompromiseReported {
    Check.schemaVersion(schemaVersion, SCHEMA_VERSION, TYPE);
    Check.text(eventId, TYPE, "eventId");
    Check.text(reportId, TYPE, "reportId");
    Check.atLeast(chunk, 1, TYPE, "chunk");
    Check.atLeast(chunks, chunk, TYPE, "chunks");
    Check.required(incident, TYPE, "incident");
    accounts = Check.list(accounts, TYPE, "accounts");
    if (accounts.isEmpty() && chunks != 1) {
      throw EventFormatException.invalidField(
          TYPE, "accounts", "may be empty only in the single event of a report, not in a chunk");
    }
    if (accounts.size() > MAX_ACCOUNTS_PER_EVENT) {
      throw EventFormatException.invalidField(
          TYPE,
          "accounts",
          "must hold at most " + MAX_ACCOUNTS_PER_EVENT + " accounts but held " + accounts.size());
    }
    Check.optionalText(requestedPlaybook, TYPE, "requestedPlaybook");
    Check.required(source, TYPE, "source");
    Check.text(reportedBy, TYPE, "reportedBy");
    Check.optionalText(reportedById, TYPE, "reportedById");
    Check.required(reportedAt, TYPE, "reportedAt");
  }

  /** A report without the app's Graph access. */
  public CompromiseReported(
      int schemaVersion,
      String eventId,
      String reportId,
      int chunk,
      int chunks,
      IncidentRef incident,
      List<ResolvedAccount> accounts,
      String requestedPlaybook,
      ReportSource source,
      String reportedBy,
      String reportedById,
      Instant reportedAt,
      Boolean incidentInferred) {
    this(
        schemaVersion,
        eventId,
        reportId,
        chunk,
        chunks,
        incident,
        accounts,
        requestedPlaybook,
        source,
        reportedBy,
        reportedById,
        reportedAt,
        incidentInferred,
        null);
  }

  /** A report whose reporter named its incident. */
  public CompromiseReported(
      int schemaVersion,
      String eventId,
      String reportId,
      int chunk,
      int chunks,
      IncidentRef incident,
      List<ResolvedAccount> accounts,
      String requestedPlaybook,
      ReportSource source,
      String reportedBy,
      String reportedById,
      Instant reportedAt) {
    this(
        schemaVersion,
        eventId,
        reportId,
        chunk,
        chunks,
        incident,
        accounts,
        requestedPlaybook,
        source,
        reportedBy,
        reportedById,
        reportedAt,
        null);
  }

  /** Whether playbook-service may file the report under another open incident. */
  public boolean joinsOpenIncident() {
    return Boolean.TRUE.equals(incidentInferred);
  }

  /**
   * Splits a report into events of at most {@link #MAX_ACCOUNTS_PER_EVENT} accounts, numbered from
   * 1, with event ids derived from report id and chunk so a re-published report is deduplicated. No
   * accounts give one event without any: the report's run then fails saying none resolved, rather
   * than never being heard of (or, started by {@code POST /runs}, waiting for ever).
   */
  public static List<CompromiseReported> chunked(
      String reportId,
      IncidentRef incident,
      List<ResolvedAccount> accounts,
      String requestedPlaybook,
      ReportSource source,
      String reportedBy,
      String reportedById,
      Instant reportedAt) {
    return chunked(
        reportId,
        incident,
        accounts,
        requestedPlaybook,
        source,
        reportedBy,
        reportedById,
        reportedAt,
        false);
  }

  /**
   * @param incidentInferred whether the reporter named no incident (see {@link
   *     #incidentInferred()}); false is left out of the events
   */
  public static List<CompromiseReported> chunked(
      String reportId,
      IncidentRef incident,
      List<ResolvedAccount> accounts,
      String requestedPlaybook,
      ReportSource source,
      String reportedBy,
      String reportedById,
      Instant reportedAt,
      boolean incidentInferred) {
    return chunked(
        reportId,
        incident,
        accounts,
        requestedPlaybook,
        source,
        reportedBy,
        reportedById,
        reportedAt,
        incidentInferred,
        null);
  }

  /**
   * @param graphAccess what Entra let the app do at publication, carried by every chunk; null
   *     leaves it out
   */
  public static List<CompromiseReported> chunked(
      String reportId,
      IncidentRef incident,
      List<ResolvedAccount> accounts,
      String requestedPlaybook,
      ReportSource source,
      String reportedBy,
      String reportedById,
      Instant reportedAt,
      boolean incidentInferred,
      GraphAccess graphAccess) {
    int chunks =
        Math.max(1, (accounts.size() + MAX_ACCOUNTS_PER_EVENT - 1) / MAX_ACCOUNTS_PER_EVENT);
    List<CompromiseReported> events = new ArrayList<>(chunks);
    for (int chunk = 1; chunk <= chunks; chunk++) {
      int from = (chunk - 1) * MAX_ACCOUNTS_PER_EVENT;
      int to = Math.min(from + MAX_ACCOUNTS_PER_EVENT, accounts.size());
      events.add(
          new CompromiseReported(
              SCHEMA_VERSION,
              eventIdFor(reportId, chunk),
              reportId,
              chunk,
              chunks,
              incident,
              accounts.subList(from, to),
              requestedPlaybook,
              source,
              reportedBy,
              reportedById,
              reportedAt,
              incidentInferred ? Boolean.TRUE : null,
              graphAccess));
    }
    return List.copyOf(events);
  }

  public static String eventIdFor(String reportId, int chunk) {
    return EventIds.derived("compromise-reported", reportId, Integer.toString(chunk));
  }
}
