package io.cordon.account.service.intake;

/**
 * Which delimiter a report CSV uses, read from its header row. Spreadsheet tools export with the
 * list separator of the user's locale: ',' in English, ';' where the comma is the decimal mark
 * (German, French, Japanese Excel set-ups alike); tab-separated text is pasted from tables.
 */
final class CsvDelimiter {
  private static final char[] CANDIDATES = {',', ';', '\t'};

  private CsvDelimiter() {}

  /** The candidate found most often outside quotes in the header line; ',' when none is. */
  static char of(String headerLine) {
    char best = ',';
    int bestCount = 0;
    for (char candidate : CANDIDATES) {
      int count = countOutsideQuotes(headerLine, candidate);
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  private static int countOutsideQuotes(String line, char wanted) {
    int count = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == wanted && !quoted) {
        count++;
      }
    }
    return count;
  }
}
