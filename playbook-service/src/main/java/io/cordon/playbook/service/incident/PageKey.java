package io.cordon.playbook.service.incident;

import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import java.time.Instant;

/** The sort key (a time and an id) of the last item of a page, inside an opaque cursor. */
record PageKey(Instant time, String id) {

  /** The key a {@link PageRequest} carries; empty (nulls) for the first page. */
  static PageKey parse(String after) {
    if (after == null) {
      return new PageKey(null, null);
    }
    int bar = after.indexOf('|');
    try {
      return new PageKey(Instant.parse(after.substring(0, bar)), after.substring(bar + 1));
    } catch (RuntimeException e) {
      throw notACursor();
    }
  }

  static String encode(Instant time, String id) {
    return PageRequest.encode(time + "|" + id);
  }

  /** A cursor of a list ordered by audit sequence number. */
  static long seq(String after) {
    try {
      return Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw notACursor();
    }
  }

  private static ProblemException notACursor() {
    return ProblemException.invalidField("cursor", "not a cursor this API returned");
  }
}
