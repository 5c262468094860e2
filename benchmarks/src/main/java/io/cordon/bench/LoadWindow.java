package io.cordon.bench;

import java.util.Locale;

/** The 1-minute load average at the start and the end of one measurement. */
record LoadWindow(double atStart, double atEnd) {
  static LoadWindow since(double atStart) {
    return new LoadWindow(atStart, Machine.loadAverage());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.1f → %.1f", atStart, atEnd);
  }
}
