package io.cordon.account.model;

/** One refused report entry: what was sent (sanitised, shortened) and why. */
public record EntryRejection(String input, String reason) {
  private static final int MAX_ECHO = 120;

  /** Echoes the input without control characters so a rejection can be shown and logged safely. */
  public static EntryRejection of(String rawInput, String reason) {
    String shown = rawInput == null ? "" : rawInput.replaceAll("\\p{Cntrl}", "\uFFFD");
    if (shown.length() > MAX_ECHO) {
      shown = shown.substring(0, MAX_ECHO) + "…";
    }
    return new EntryRejection(shown, reason);
  }
}
