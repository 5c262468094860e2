package io.cordon.account.service.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical lines of a CSV text, so that records (which may span lines when a quoted field holds
 * a line break) can be named by the line they start on and echoed as sent. Line breaks are counted
 * the way Commons CSV counts them: CR LF, LF or a lone CR each end one line.
 */
final class CsvLines {
  private final String text;
  private final List<Integer> starts = new ArrayList<>();

  CsvLines(String text) {
    this.text = text;
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
      }
      if (c == '\r' || c == '\n') {
        starts.add(i + 1);
      }
    }
  }

  /** Lines counted from 0; a text ending in a line break has an empty last line. */
  int count() {
    return starts.size();
  }

  /** The first line at or after {@code line} that has any character, or {@link #count()}. */
  int firstNonEmpty(int line) {
    int at = line;
    while (at < count() && line(at).isEmpty()) {
      at++;
    }
    return at;
  }

  /** One line without its line break. */
  String line(int line) {
    return between(line, line + 1);
  }

  /** Lines {@code from} (inclusive) to {@code to} (exclusive), without the final line break. */
  String between(int from, int to) {
    int start = offset(from);
    int end = Math.max(start, offset(to));
    String lines = text.substring(start, end);
    return lines.endsWith("\r\n")
        ? lines.substring(0, lines.length() - 2)
        : lines.endsWith("\n") || lines.endsWith("\r")
            ? lines.substring(0, lines.length() - 1)
            : lines;
  }

  /**
   * The text from the start of {@code line} on, without copying it: a file with many broken lines
   * is read again from each of them, and copies would make that quadratic.
   */
  Reader from(int line) {
    StringReader reader = new StringReader(text);
    try {
      reader.skip(offset(line));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reader;
  }

  private int offset(int line) {
    return line >= count() ? text.length() : starts.get(line);
  }
}
