package io.cordon.commons.paging;

import io.cordon.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code limit} (default 100, max 1,000) and an opaque {@code cursor}: the encoded sort key of the
 * last item already returned, behind a marker so a cursor this API never returned is refused rather
 * than read as some other position.
 */
public record PageRequest(int limit, String after) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
  private static final String CURSOR_MARKER = "c1:";

  /**
   * The query parameters as the caller wrote them: a {@code limit} that is not a whole number is a
   * 400 naming it (a JAX-RS {@code Integer} parameter would answer a bare 404).
   */
  public static PageRequest fromQuery(String limit, String cursor) {
    if (limit == null || limit.isBlank()) {
      return of(null, cursor);
    }
    try {
      return of(Integer.parseInt(limit.strip()), cursor);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(
          "limit", "must be a whole number between 1 and " + MAX_LIMIT);
    }
  }

  public static PageRequest of(Integer limit, String cursor) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return new PageRequest(size, cursor == null || cursor.isBlank() ? null : decode(cursor));
  }

  public static String encode(String sortKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_MARKER + sortKey).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw notACursor();
    }
    if (!decoded.startsWith(CURSOR_MARKER)) {
      throw notACursor();
    }
    return decoded.substring(CURSOR_MARKER.length());
  }

  private static ProblemException notACursor() {
    return ProblemException.invalidField("cursor", "not a cursor this API returned");
  }

  /** The cursor as an integer position, for collections ordered by a numeric key. */
  public int afterPosition() {
    if (after == null) {
      return -1;
    }
    try {
      return Integer.parseInt(after);
    } catch (NumberFormatException e) {
      throw notACursor();
    }
  }
}
