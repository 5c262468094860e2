package io.cordon.account.service.report;

import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;

/** Where a page of reports ends: the last report's arrival time and id (ids break ties). */
record ReportCursor(Instant receivedAt, UUID id) {
  private static final ReportCursor START = new ReportCursor(Instant.EPOCH, new UUID(0, 0));

  static ReportCursor parse(String after) {
    if (after == null) {
      return START;
    }
    int bar = after.indexOf('|');
    try {
      return new ReportCursor(
          Instant.parse(after.substring(0, bar)), UUID.fromString(after.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ProblemException.invalidField("cursor", "not a cursor this API returned");
    }
  }

  static String encode(CompromiseReportEntity last) {
    return PageRequest.encode(last.receivedAt + "|" + last.id);
  }
}
