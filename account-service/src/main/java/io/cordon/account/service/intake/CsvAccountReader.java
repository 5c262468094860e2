package io.cordon.account.service.intake;

import io.cordon.account.model.EntryRejection;
import io.cordon.commons.problem.ProblemException;
import io.cordon.contracts.events.Indicator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a report CSV with Apache Commons CSV: a header row with an {@code account} column, an
 * optional {@code tenant} column, an optional {@code last_activity} column (ISO-8601 with offset:
 * the account's latest known malicious activity, which decides whether an already contained account
 * is contained again), an optional {@code first_seen} column (ISO-8601 with offset: the earliest
 * attacker activity) and an optional {@code indicator} column (indicators of compromise, several
 * separated by '|', each classified by {@link IndicatorClassifier}; other columns are ignored), RFC
 * 4180 quoting (a quoted field may hold the delimiter, quotes and line breaks), CR LF or LF line
 * ends, a UTF-8 byte order mark ignored, and the delimiter detected from the header row (',' or the
 * ';' that spreadsheet tools write in many locales, or a tab). A bad record becomes a rejection
 * naming the line it starts on; the others go on.
 */
public final class CsvAccountReader {
  private static final String BOM = "\uFEFF";
  private static final String TIME_RULE =
      "must be an ISO-8601 time with offset, e.g. 2026-12-06T09:15:00Z";

  /** Several indicators in one cell: '|' (a user agent or a ';' delimited file holds ';'). */
  private static final Pattern INDICATOR_SEPARATOR = Pattern.compile("\\|");

  /** The {@link Indicator#source()} of what a CSV names. */
  static final String INDICATOR_SOURCE = "csv";

  private static final String BROKEN_QUOTING =
      "a quoted field is not closed, or has text after its closing quote (check quoting)";

  private CsvAccountReader() {}

  public static ParsedEntries read(Reader source, int maxEntries) {
    String text = normalised(readAll(source));
    CsvLines lines = new CsvLines(text);
    int headerLine = lines.firstNonEmpty(0);
    if (headerLine >= lines.count()) {
      throw ProblemException.invalidField("body", "CSV is empty; expected a header row");
    }
    char delimiter = CsvDelimiter.of(lines.line(headerLine));
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    return new Rows(lines, format, maxEntries).read();
  }

  /** The reading of one text: where the parser is, and what it has found so far. */
  private static final class Rows {
    private final CsvLines lines;
    private final CSVFormat format;
    private final int maxEntries;
    private final List<RawEntry> entries = new ArrayList<>();
    private final List<EntryRejection> rejections = new ArrayList<>();
    private Columns columns;

    Rows(CsvLines lines, CSVFormat format, int maxEntries) {
      this.lines = lines;
      this.format = format;
      this.maxEntries = maxEntries;
    }

    ParsedEntries read() {
      int resumeAt = 0;
      while (resumeAt < lines.count()) {
        resumeAt = readFrom(resumeAt);
      }
      return new ParsedEntries(entries, rejections);
    }

    /**
     * Parses from line {@code first} until the text ends (answers the line count) or a record's
     * quoting is broken: that record's first line is refused and reading resumes on the next line,
     * since a parser cannot go on past a syntax error.
     */
    private int readFrom(int first) {
      try (CSVParser parser =
          CSVParser.builder().setReader(lines.from(first)).setFormat(format).get()) {
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
          int start = lines.firstNonEmpty(first + (int) parser.getCurrentLineNumber());
          CSVRecord record;
          try {
            if (!records.hasNext()) {
              return lines.count();
            }
            record = records.next();
          } catch (UncheckedIOException e) {
            refuse(start, lines.line(start), BROKEN_QUOTING);
            return start + 1;
          }
          int end = first + (int) parser.getCurrentLineNumber();
          accept(start, lines.between(start, end), record);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void accept(int line, String raw, CSVRecord record) {
      if (columns == null) {
        columns = Columns.of(record);
        return;
      }
      if (raw.isBlank()) {
        return;
      }
      if (entries.size() + rejections.size() >= maxEntries) {
        throw ProblemException.invalidField(
            "body", "CSV has more than " + maxEntries + " account lines");
      }
      if (record.size() != columns.count()) {
        refuse(
            line,
            raw,
            "expected "
                + columns.count()
                + " fields separated by '"
                + printable(format.getDelimiterString())
                + "' (check quoting)");
        return;
      }
      String tenant = columns.tenant() < 0 ? null : record.get(columns.tenant());
      Instant activityAt;
      Instant firstSeenAt;
      try {
        activityAt = time(record, columns.activity());
      } catch (DateTimeParseException e) {
        refuse(line, raw, "last_activity " + TIME_RULE);
        return;
      }
      try {
        firstSeenAt = time(record, columns.firstSeen());
      } catch (DateTimeParseException e) {
        refuse(line, raw, "first_seen " + TIME_RULE);
        return;
      }
      List<Indicator> indicators = new ArrayList<>();
      String cell = columns.indicator() < 0 ? "" : record.get(columns.indicator());
      for (String part : INDICATOR_SEPARATOR.split(cell, -1)) {
        String value = part.strip();
        if (value.isEmpty()) {
          continue;
        }
        String refusal = IndicatorClassifier.refusal(value);
        if (refusal != null) {
          refuse(line, raw, "indicator " + refusal);
          return;
        }
        indicators.add(
            new Indicator(IndicatorClassifier.classify(value), value, null, INDICATOR_SOURCE));
      }
      entries.add(
          new RawEntry(
              label(line),
              record.get(columns.account()),
              tenant,
              activityAt,
              firstSeenAt,
              indicators));
    }

    private static Instant time(CSVRecord record, int column) {
      String text = column < 0 ? "" : record.get(column).strip();
      return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    }

    private void refuse(int line, String raw, String reason) {
      if (columns == null) {
        throw ProblemException.invalidField("body", "CSV header row: " + reason);
      }
      if (entries.size() + rejections.size() >= maxEntries) {
        throw ProblemException.invalidField(
            "body", "CSV has more than " + maxEntries + " account lines");
      }
      rejections.add(EntryRejection.of(label(line) + ": " + raw, reason));
    }

    private static String label(int line) {
      return "line " + (line + 1);
    }

    private static String printable(String delimiter) {
      return "\t".equals(delimiter) ? "\\t" : delimiter;
    }
  }

  /** Where the columns the intake reads are, from the header row (-1: absent). */
  private record Columns(
      int count, int account, int tenant, int activity, int firstSeen, int indicator) {
    static Columns of(CSVRecord header) {
      List<String> names = header.toList();
      int account = indexOf(names, "account");
      if (account < 0) {
        throw ProblemException.invalidField(
            "account", "CSV header must name an 'account' column, found " + names);
      }
      return new Columns(
          names.size(),
          account,
          indexOf(names, "tenant"),
          indexOf(names, "last_activity"),
          indexOf(names, "first_seen"),
          indexOf(names, "indicator"));
    }

    private static int indexOf(List<String> names, String name) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  private static String readAll(Reader source) {
    try (Reader reader = source) {
      StringWriter text = new StringWriter();
      reader.transferTo(text);
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Without the byte order mark Windows tools put first, and ending in a line break: then every
   * record ends in one, and the parser's line count after a record is where the next one starts.
   */
  private static String normalised(String text) {
    String body = text.startsWith(BOM) ? text.substring(BOM.length()) : text;
    return body.isEmpty() || body.endsWith("\n") || body.endsWith("\r") ? body : body + "\n";
  }
}
