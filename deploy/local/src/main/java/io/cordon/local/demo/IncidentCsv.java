package io.cordon.local.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo incident CSV as account-service reads it: a header row naming {@code account} and the
 * optional {@code first_seen} and {@code indicator} columns (several indicators in one cell,
 * separated by {@code |}), RFC 4180 quoting (a user agent holds commas). The one reader of the file
 * for the demo and the system tests, so none of them takes a line for an account.
 */
public final class IncidentCsv {

  /**
   * One account of the incident.
   *
   * @param firstSeen as written (ISO-8601 with offset), or null when the line gives none
   */
  public record Row(String account, String firstSeen, List<String> indicators) {}

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  private IncidentCsv() {}

  public static List<Row> read(Path csv) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord record : FORMAT.parse(in)) {
        String account = value(record, "account");
        if (account == null) {
          continue;
        }
        String indicators = value(record, "indicator");
        rows.add(
            new Row(
                account,
                value(record, "first_seen"),
                indicators == null
                    ? List.of()
                    : Arrays.stream(indicators.split("\\|"))
                        .map(String::strip)
                        .filter(part -> !part.isEmpty())
                        .toList()));
      }
    }
    return rows;
  }

  /** The accounts (UPN or object id) in file order. */
  public static List<String> accounts(Path csv) throws IOException {
    return read(csv).stream().map(Row::account).toList();
  }

  private static String value(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value == null || value.isBlank() ? null : value;
  }
}
