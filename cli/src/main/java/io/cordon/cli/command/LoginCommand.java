package io.cordon.cli.command;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import io.cordon.cli.auth.EntraSignIn;
import io.cordon.cli.auth.LocalDevTokens;
import io.cordon.cli.auth.LoginState;
import io.cordon.cli.auth.TokenClaims;
import io.cordon.cli.auth.TokenResolver;
import io.cordon.cli.config.CliEnvironment;
import io.cordon.cli.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Sign in: the local stack's dev token, Entra ID device code, or a given token.",
      "  --local                      the local stack's dev token for --role (default responder)",
      "  --tenant T --client-id C     Entra ID device code (a public client; MSAL keeps and refreshes",
      "                               the tokens in ~/.cordon/msal-cache.json, 0600)",
      "  --token TOKEN                a token you already have (kept in ~/.cordon/token, 0600)",
      "Tokens are never printed."
    })
final class LoginCommand extends Subcommand implements Callable<Integer> {
  @Option(names = "--local", description = "use the local stack's .cordon-local/tokens/<role>.jwt")
  boolean local;

  @Option(
      names = "--role",
      defaultValue = "responder",
      description =
          "local stack role: viewer, responder, approver, admin, detector (default ${DEFAULT-VALUE})")
  String role;

  @Option(
      names = "--local-dir",
      paramLabel = "DIR",
      description = "the local stack's work directory (default: .cordon-local here or above)")
  Path localDirectory;

  @Option(names = "--tenant", description = "Entra tenant id or domain")
  String tenant;

  @Option(
      names = "--client-id",
      description = "the Entra application (public client) to sign in with")
  String clientId;

  @Option(
      names = "--authority",
      paramLabel = "URL",
      description = "default https://login.microsoftonline.com/<tenant>")
  String authority;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description = "scope to ask for (repeatable; default <client-id>/.default)")
  List<String> scopes;

  @Override
  public Integer call() {
    CliEnvironment environment = root().environment();
    boolean entra = tenant != null || clientId != null || authority != null || scopes != null;
    String given = root().flagToken();
    if ((local ? 1 : 0) + (entra ? 1 : 0) + (given != null ? 1 : 0) > 1) {
      throw usage("choose one of --local, --tenant/--client-id, --token");
    }
    if (given != null) {
      return storeGivenToken(environment, given.trim());
    }
    if (local) {
      return signInLocally(environment);
    }
    return signInWithEntra(environment);
  }

  private int storeGivenToken(CliEnvironment environment, String token) {
    if (token.isEmpty()) {
      throw usage("--token is empty");
    }
    environment.home().writePrivate(TokenResolver.STORED_TOKEN_FILE, token + "\n");
    LoginState.token().save(environment.home());
    say(environment, "Signed in with the given token as " + TokenClaims.peek(token).describe());
    return 0;
  }

  private int signInLocally(CliEnvironment environment) {
    Path file = LocalDevTokens.tokenFile(environment.workingDirectory(), localDirectory, role);
    LoginState.local(file).save(environment.home());
    environment.home().delete(TokenResolver.STORED_TOKEN_FILE);
    say(environment, "Signed in to the local stack as " + TokenClaims.peek(read(file)).describe());
    say(environment, "(each command reads " + file + ", renewed at every start of the stack)");
    return 0;
  }

  private int signInWithEntra(CliEnvironment environment) {
    String client = root().config().get(Setting.CLIENT_ID, clientId);
    String tenantId = root().config().get(Setting.TENANT, tenant);
    String authorityUrl = root().config().get(Setting.AUTHORITY, authority);
    if (client == null || (tenantId == null && authorityUrl == null)) {
      throw usage(
          "Entra sign-in needs --tenant and --client-id (or tenant/client-id in "
              + "~/.cordon/config.properties); --local signs in to the local stack");
    }
    if (authorityUrl == null) {
      authorityUrl = EntraSignIn.authorityFor(tenantId);
    }
    LoginState state = LoginState.entra(client, authorityUrl, scopes(client));
    IAuthenticationResult result =
        new EntraSignIn(state, environment.home(), environment.signInHttp())
            // the device code goes to stderr: it is for the person, not for a script's pipe
            .deviceCode(code -> environment.err().println(code.message()));
    state.save(environment.home());
    environment.home().delete(TokenResolver.STORED_TOKEN_FILE);
    say(environment, "Signed in as " + TokenClaims.peek(result.accessToken()).describe());
    return 0;
  }

  private Set<String> scopes(String client) {
    if (scopes != null && !scopes.isEmpty()) {
      return new LinkedHashSet<>(scopes);
    }
    String configured = root().config().get(Setting.SCOPES, null);
    if (configured != null) {
      return new LinkedHashSet<>(Arrays.asList(configured.split("[\\s,]+")));
    }
    return Set.of(client + "/.default");
  }

  private static void say(CliEnvironment environment, String line) {
    environment.out().println(line);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
