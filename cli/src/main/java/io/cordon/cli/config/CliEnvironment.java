package io.cordon.cli.config;

import com.microsoft.aad.msal4j.IHttpClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the command line takes from the world around it, in one place so tests can give it
 * their own: environment variables, the user's home, the working directory, where to print, and
 * whether stdout is a terminal (progress is redrawn in place only there).
 *
 * @param signInHttp how MSAL reaches Entra; null means MSAL's own HTTP client. Tests hand in one
 *     that sends Entra's requests to their HTTPS stand-in.
 */
public record CliEnvironment(
    Map<String, String> variables,
    Path userHome,
    Path workingDirectory,
    PrintStream out,
    PrintStream err,
    boolean terminal,
    IHttpClient signInHttp) {

  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        Path.of("").toAbsolutePath(),
        System.out,
        System.err,
        System.console() != null,
        null);
  }

  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** {@code ~/.cordon}, or {@code CORDON_HOME} when set (a second identity, a CI job). */
  public CordonHome home() {
    String override = variable("CORDON_HOME");
    return new CordonHome(override != null ? Path.of(override) : userHome.resolve(".cordon"));
  }
}
