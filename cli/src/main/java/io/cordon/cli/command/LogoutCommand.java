package io.cordon.cli.command;

import io.cordon.cli.auth.LoginState;
import io.cordon.cli.auth.MsalCacheFile;
import io.cordon.cli.auth.TokenResolver;
import io.cordon.cli.config.CordonHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description =
        "Forget the sign-in: the stored token, the Entra token cache and the login state.")
final class LogoutCommand extends Subcommand implements Callable<Integer> {
  @Override
  public Integer call() {
    CordonHome home = root().environment().home();
    home.delete(TokenResolver.STORED_TOKEN_FILE);
    home.delete(MsalCacheFile.FILE);
    home.delete(LoginState.FILE);
    root().environment().out().println("Signed out.");
    return 0;
  }
}
