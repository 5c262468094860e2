package io.cordon.cli.auth;

import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The local stack's dev tokens: {@code .cordon-local/tokens/<role>.jwt}, written fresh at every
 * start of deploy/local. Found from the working directory upwards, so {@code cordon login --local}
 * works anywhere inside the checkout.
 */
public final class LocalDevTokens {
  public static final Set<String> ROLES =
      Set.of("viewer", "responder", "approver", "admin", "detector", "helpdesk");

  private LocalDevTokens() {}

  /**
   * @param localDirectory the stack's work directory (holding {@code tokens/}), or null to look for
   *     {@code .cordon-local} from {@code start} upwards
   */
  public static Path tokenFile(Path start, Path localDirectory, String role) {
    if (!ROLES.contains(role)) {
      throw new CliFailure(
          ExitCodes.USAGE, "unknown role '" + role + "'; one of " + String.join(", ", ROLES));
    }
    Path directory = localDirectory != null ? localDirectory : find(start);
    Path file = directory.resolve("tokens").resolve(role + ".jwt").toAbsolutePath().normalize();
    if (!Files.isReadable(file)) {
      throw new CliFailure(
          ExitCodes.FAILED,
          "no dev token for role "
              + role
              + " at "
              + file
              + "; start the local stack first (deploy/local/run.sh)");
    }
    return file;
  }

  private static Path find(Path start) {
    for (Path directory = start.toAbsolutePath();
        directory != null;
        directory = directory.getParent()) {
      Path candidate = directory.resolve(".cordon-local");
      if (Files.isDirectory(candidate.resolve("tokens"))) {
        return candidate;
      }
    }
    throw new CliFailure(
        ExitCodes.FAILED,
        "no .cordon-local/tokens here or above "
            + start.toAbsolutePath()
            + "; start the local stack (deploy/local/run.sh) or name its directory with --local-dir");
  }
}
