package io.cordon.cli;

/**
 * A failure the user should read as one plain line, with the exit code it stands for. Thrown by
 * every layer; {@link Cordon} prints it and exits with {@link #exitCode()}.
 */
public final class CliFailure extends RuntimeException {
  private final int exitCode;

  public CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
