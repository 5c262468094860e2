package io.cordon.cli.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table: a header row, columns padded to their widest cell, no borders. */
public final class Table {
  private static final int MAX_CELL = 60;

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private boolean truncate = true;

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Keeps long cells whole (a plan's step list is the point of the table). */
  public Table untruncated() {
    truncate = false;
    return this;
  }

  public Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells for " + headers.size() + " columns");
    }
    rows.add(Arrays.stream(cells).map(value -> cell(value, truncate)).toList());
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public List<String> lines() {
    int[] widths = new int[headers.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = headers.get(column).length();
      for (List<String> row : rows) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(headers, widths));
    for (List<String> row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < cells.size(); column++) {
      String cell = cells.get(column);
      line.append(cell);
      if (column < cells.size() - 1) {
        line.append(" ".repeat(widths[column] - cell.length() + 2));
      }
    }
    return line.toString().stripTrailing();
  }

  /** A cell on one line: no control characters (a server's text must not move the cursor). */
  static String cell(Object value) {
    return cell(value, true);
  }

  private static String cell(Object value, boolean truncate) {
    if (value == null) {
      return "-";
    }
    String text = value.toString().replaceAll("\\p{Cntrl}", " ");
    if (text.isEmpty()) {
      return "-";
    }
    return truncate && text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
  }
}
