package io.cordon.cli.auth;

import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import io.cordon.cli.config.CliEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Supplier;

/**
 * Where the bearer token of a command comes from, first match wins: {@code --token}, then {@code
 * CORDON_TOKEN} (automation), then what {@code cordon login} set up.
 */
public final class TokenResolver implements Supplier<String> {
  public static final String STORED_TOKEN_FILE = "token";

  private final CliEnvironment environment;
  private final String flagToken;

  public TokenResolver(CliEnvironment environment, String flagToken) {
    this.environment = environment;
    this.flagToken = flagToken;
  }

  @Override
  public String get() {
    if (flagToken != null && !flagToken.isBlank()) {
      return flagToken.trim();
    }
    String variable = environment.variable("CORDON_TOKEN");
    if (variable != null) {
      return variable;
    }
    LoginState state = LoginState.load(environment.home());
    if (state == null) {
      throw new CliFailure(
          ExitCodes.FAILED,
          "not signed in: run cordon login (--local for the local stack), or set CORDON_TOKEN");
    }
    return switch (state.mode()) {
      case LOCAL -> readLocal(state);
      case TOKEN -> stored();
      case ENTRA ->
          new EntraSignIn(state, environment.home(), environment.signInHttp())
              .silent()
              .accessToken();
    };
  }

  private String readLocal(LoginState state) {
    try {
      return Files.readString(state.localTokenFile()).trim();
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.FAILED,
          "cannot read the local stack's token "
              + state.localTokenFile()
              + " (is the stack running?); run cordon login --local again");
    }
  }

  private String stored() {
    String token = environment.home().readOrNull(STORED_TOKEN_FILE);
    if (token == null || token.isBlank()) {
      throw new CliFailure(ExitCodes.FAILED, "no stored token; run cordon login again");
    }
    return token.trim();
  }
}
