package io.cordon.account.service.detection;

import io.cordon.account.service.EntryRejection;
import io.cordon.account.service.RawEntry;
import io.cordon.contracts.Severity;
import java.util.List;

/**
 * One alert, incident, risk detection or alert group of a payload; id, title and severity may be
 * null when the payload leaves them out.
 */
record DetectedItem(
    String id,
    String title,
    Severity severity,
    List<RawEntry> entries,
    List<EntryRejection> rejections) {

  static DetectedItem of(String id, String title, Severity severity, AccountCollector accounts) {
    return new DetectedItem(id, title, severity, accounts.entries(), accounts.rejections());
  }
}
