package io.cordon.cli.auth;

import io.cordon.cli.config.CordonHome;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * How the user signed in last, kept in {@code ~/.cordon/login.properties} (0600). It names where a
 * token comes from, never a token: the local stack's token file, the Entra application to ask MSAL
 * again, or that a token was given ({@code ~/.cordon/token}).
 */
public record LoginState(
    Mode mode, Path localTokenFile, String clientId, String authority, Set<String> scopes) {

  public enum Mode {
    LOCAL,
    ENTRA,
    TOKEN
  }

  public static final String FILE = "login.properties";

  public static LoginState local(Path tokenFile) {
    return new LoginState(Mode.LOCAL, tokenFile, null, null, Set.of());
  }

  public static LoginState entra(String clientId, String authority, Set<String> scopes) {
    return new LoginState(Mode.ENTRA, null, clientId, authority, scopes);
  }

  public static LoginState token() {
    return new LoginState(Mode.TOKEN, null, null, null, Set.of());
  }

  public static LoginState load(CordonHome home) {
    String text = home.readOrNull(FILE);
    if (text == null) {
      return null;
    }
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String mode = properties.getProperty("mode");
    if (mode == null) {
      return null;
    }
    String file = properties.getProperty("local-token-file");
    String scopes = properties.getProperty("scopes", "");
    return new LoginState(
        Mode.valueOf(mode),
        file == null ? null : Path.of(file),
        properties.getProperty("client-id"),
        properties.getProperty("authority"),
        scopes.isBlank()
            ? Set.of()
            : new LinkedHashSet<>(Arrays.asList(scopes.trim().split("\\s+"))));
  }

  public void save(CordonHome home) {
    Properties properties = new Properties();
    properties.setProperty("mode", mode.name());
    if (localTokenFile != null) {
      properties.setProperty("local-token-file", localTokenFile.toString());
    }
    if (clientId != null) {
      properties.setProperty("client-id", clientId);
      properties.setProperty("authority", authority);
      properties.setProperty("scopes", String.join(" ", scopes));
    }
    StringWriter text = new StringWriter();
    try {
      properties.store(text, "cordon sign-in (no tokens here)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    home.writePrivate(FILE, text.toString());
  }
}
