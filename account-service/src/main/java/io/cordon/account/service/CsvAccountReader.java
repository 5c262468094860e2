package io.cordon.account.service;

import io.cordon.commons.problem.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a report CSV: a header row with an {@code account} column and an optional {@code tenant}
 * column (RFC 4180 quoting). A bad line becomes a rejection for that line; the others go on.
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
      if (accountColumn < 0) {
        throw ProblemException.invalidField(
            "account", "CSV header must name an 'account' column, found " + header);
      }
      return readRows(reader, header.size(), accountColumn, tenantColumn, maxEntries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ParsedEntries readRows(
      BufferedReader reader, int columns, int accountColumn, int tenantColumn, int maxEntries)
      throws IOException {
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
      String tenant = tenantColumn < 0 ? null : fields.get(tenantColumn);
      entries.add(new RawEntry("line " + lineNumber, fields.get(accountColumn), tenant));
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
