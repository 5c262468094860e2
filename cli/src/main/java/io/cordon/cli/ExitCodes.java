package io.cordon.cli;

/** What {@code cordon} exits with; scripts branch on these. */
public final class ExitCodes {
  public static final int DONE = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int WAITING_FOR_APPROVAL = 3;

  private ExitCodes() {}
}
