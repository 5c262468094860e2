package io.cordon.playbook.service.run;

import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import java.time.Instant;

/** The sort key (a time and an id) of the last item of a page, inside an opaque cursor. */
record SortCursor(Instant time, String id) {

  /** The key a {@link PageRequest} carries; empty (nulls) for the first page. */
  static SortCursor parse(String after) {
    if (after == null) {
      return new SortCursor(null, null);
    }
    int bar = after.indexOf('|');
    try {
      return new SortCursor(Instant.parse(after.substring(0, bar)), after.substring(bar + 1));
    } catch (RuntimeException e) {
      throw ProblemException.invalidField("cursor", "not a cursor this API returned");
    }
  }

  static String encode(Instant time, String id) {
    return PageRequest.encode(time + "|" + id);
  }
}
