package io.cordon.notification.service.taxii;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The filters and paging of a TAXII 2.1 object or manifest request (section 3.4 of the
 * specification): {@code added_after}, {@code match[id|type|version|spec_version]}, {@code limit},
 * {@code next}.
 *
 * @param versions {@code last} (the default), {@code first}, {@code all} or exact versions
 * @param offset where the page starts in the filtered, ordered result (the decoded {@code next})
 */
public record TaxiiFilter(
    Instant addedAfter,
    Set<String> ids,
    Set<String> types,
    List<String> versions,
    Set<String> specVersions,
    int limit,
    int offset) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
}
