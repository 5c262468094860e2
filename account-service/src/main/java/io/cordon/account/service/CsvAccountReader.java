package io.cordon.account.service;

import io.cordon.commons.problem.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a report CSV: a header row with an {@code account} column, an optional {@code tenant}
 * column and an optional {@code last_activity} column (ISO-8601 with offset: the account's latest
 * known malicious activity, which decides whether an already contained account is contained again)
 * (RFC 4180 quoting). A bad line becomes a rejection for that line; the others go on.
 */
public final class CsvAccountReader {
  private CsvAccountReader() {}

  public static ParsedEntries read(Reader source, int maxEntries) {
    try (BufferedReader reader = new BufferedReader(source)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw ProblemException.invalidField("body", "CSV is empty; expected a header row");
      }
      List<String> header = CsvLine.split(stripBom(headerLine));
      int accountColumn = indexOf(header, "account");
      int tenantColumn = indexOf(header, "tenant");
      int activityColumn = indexOf(header, "last_activity");
      if (accountColumn < 0) {
        throw ProblemException.invalidField(
            "account", "CSV header must name an 'account' column, found " + header);
      }
      return readRows(
          reader,
          header.size(),
          new Columns(accountColumn, tenantColumn, activityColumn),
          maxEntries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the account, and the optional tenant and last_activity, are (-1: absent). */
  private record Columns(int account, int tenant, int activity) {}

  private static ParsedEntries readRows(
      BufferedReader reader, int columns, Columns at, int maxEntries) throws IOException {
    List<RawEntry> entries = new ArrayList<>();
    List<EntryRejection> rejections = new ArrayList<>();
    String line;
    int lineNumber = 1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      if (entries.size() + rejections.size() >= maxEntries) {
        throw ProblemException.invalidField(
            "body", "CSV has more than " + maxEntries + " account lines");
      }
      List<String> fields = CsvLine.split(line);
      if (fields == null || fields.size() != columns) {
        rejections.add(
            EntryRejection.of(
                "line " + lineNumber + ": " + line,
                "expected " + columns + " comma-separated fields (check quoting)"));
        continue;
      }
      String tenant = at.tenant() < 0 ? null : fields.get(at.tenant());
      String activity = at.activity() < 0 ? "" : fields.get(at.activity()).strip();
      Instant activityAt;
      try {
        activityAt = activity.isEmpty() ? null : OffsetDateTime.parse(activity).toInstant();
      } catch (DateTimeParseException e) {
        rejections.add(
            EntryRejection.of(
                "line " + lineNumber + ": " + line,
                "last_activity must be an ISO-8601 time with offset, e.g."
                    + " 2026-12-06T09:15:00Z"));
        continue;
      }
      entries.add(new RawEntry("line " + lineNumber, fields.get(at.account()), tenant, activityAt));
    }
    return new ParsedEntries(entries, rejections);
  }

  private static int indexOf(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
