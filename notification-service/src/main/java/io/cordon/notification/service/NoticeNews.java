package io.cordon.notification.service;

import io.cordon.notification.repository.NoticeEntity;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a notification request would tell a partner, against what its last notice about the incident
 * told it: a follow-up is sent only for news — accounts in its scope it has not heard of, another
 * containment status, or the final figures of a run. So a repeated or overlapping request sends
 * nothing twice for the same change.
 *
 * @param accounts digests of the partner's accounts in this request
 * @param exposureStatus the containment status of those accounts; null when the producer did not
 *     say, and then every request is news (as before exposures were known)
 */
record NoticeNews(Set<String> accounts, String exposureStatus) {

  boolean isNewsAfter(NoticeEntity last) {
    if (last == null || exposureStatus == null) {
      return true;
    }
    return !AccountDigests.parse(last.accountDigests).containsAll(accounts)
        || !exposureStatus.equals(last.exposureStatus);
  }

  /** Every account the partner will have heard of once this notice is sent. */
  String accountsKnownAfter(NoticeEntity last) {
    Set<String> known = last == null ? new TreeSet<>() : AccountDigests.parse(last.accountDigests);
    known.addAll(accounts);
    return AccountDigests.join(known);
  }
}
