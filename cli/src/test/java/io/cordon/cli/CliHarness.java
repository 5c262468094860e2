package io.cordon.cli;

import com.microsoft.aad.msal4j.IHttpClient;
import io.cordon.cli.config.CliEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code cordon} in the test JVM with its own home, environment and captured output. */
public final class CliHarness {
  public final Path userHome;
  public final Map<String, String> variables = new HashMap<>();
  public Path workingDirectory;
  public IHttpClient signInHttp;

  /** Whether stdout is taken for a terminal: progress is then redrawn in place, every time. */
  public boolean terminal;

  public record Result(int exitCode, String out, String err) {}

  public CliHarness(Path temporaryDirectory) {
    this.userHome = temporaryDirectory.resolve("home");
    this.workingDirectory = temporaryDirectory.resolve("work");
    try {
      Files.createDirectories(userHome);
      Files.createDirectories(workingDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points all three services at one stub server (through the environment, as a user would). */
  public CliHarness services(String baseUrl) {
    variables.put("CORDON_ACCOUNT_URL", baseUrl);
    variables.put("CORDON_PLAYBOOK_URL", baseUrl);
    variables.put("CORDON_NOTIFICATION_URL", baseUrl);
    return this;
  }

  public CliHarness token(String token) {
    variables.put("CORDON_TOKEN", token);
    return this;
  }

  public Path cordonHome() {
    return userHome.resolve(".cordon");
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment =
        new CliEnvironment(
            Map.copyOf(variables),
            userHome,
            workingDirectory,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            terminal,
            signInHttp);
    int exitCode = Cordon.execute(environment, args);
    return new Result(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
