package io.cordon.notification.rest.taxii;

import io.cordon.notification.service.taxii.TaxiiFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a request's TAXII filter parameters; a bad one is refused naming it. */
final class TaxiiFilters {

  /** A filter parameter that cannot be read. */
  static final class BadFilter extends Exception {
    BadFilter(String message) {
      super(message, null, false, false);
    }
  }

  private TaxiiFilters() {}

  static TaxiiFilter read(MultivaluedMap<String, String> query, String onlyId) throws BadFilter {
    Set<String> ids = values(query, "match[id]");
    if (onlyId != null) {
      ids = Set.of(onlyId);
    }
    List<String> versions = new ArrayList<>(values(query, "match[version]"));
    if (versions.isEmpty()) {
      versions.add("last");
    }
    for (String version : versions) {
      if (!List.of("last", "first", "all").contains(version) && !isTimestamp(version)) {
        throw new BadFilter("match[version] must be last, first, all or a timestamp: " + version);
      }
    }
    Set<String> specVersions = values(query, "match[spec_version]");
    return new TaxiiFilter(
        addedAfter(query.getFirst("added_after")),
        ids,
        values(query, "match[type]"),
        versions,
        specVersions.isEmpty() ? Set.of("2.1") : specVersions,
        limit(query.getFirst("limit")),
        offset(query.getFirst("next")));
  }

  /** The opaque {@code next} of a page starting at {@code offset}. */
  static String next(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o" + offset).getBytes(StandardCharsets.US_ASCII));
  }

  private static Set<String> values(MultivaluedMap<String, String> query, String name) {
    Set<String> values = new LinkedHashSet<>();
    List<String> given = query.get(name);
    if (given != null) {
      // several values are comma-separated in one parameter (section 3.4.2)
      given.forEach(
          v -> {
            for (String value : v.split(",")) {
              if (!value.isBlank()) {
                values.add(value.strip());
              }
            }
          });
    }
    return values;
  }

  private static Instant addedAfter(String value) throws BadFilter {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadFilter("added_after must be a timestamp like 2026-12-06T09:15:00.000Z");
    }
  }

  private static int limit(String value) throws BadFilter {
    if (value == null) {
      return TaxiiFilter.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit < 1) {
        throw new BadFilter("limit must be a positive integer");
      }
      // a server may answer with fewer than asked (section 3.4.1)
      return Math.min(limit, TaxiiFilter.MAX_LIMIT);
    } catch (NumberFormatException e) {
      throw new BadFilter("limit must be a positive integer");
    }
  }

  private static int offset(String next) throws BadFilter {
    if (next == null) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.US_ASCII);
      if (!decoded.startsWith("o")) {
        throw new BadFilter("next is not one this server gave");
      }
      return Integer.parseInt(decoded.substring(1));
    } catch (IllegalArgumentException e) {
      throw new BadFilter("next is not one this server gave");
    }
  }

  private static boolean isTimestamp(String value) {
    try {
      Instant.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
