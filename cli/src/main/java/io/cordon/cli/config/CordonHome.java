package io.cordon.cli.config;

import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The user's Cordon directory. It holds sign-in state and tokens, so the directory is 0700 and
 * every file written here is 0600 from the moment it exists (written to a private temporary file
 * and moved into place: no window in which another user could read it).
 */
public record CordonHome(Path directory) {
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  public Path file(String name) {
    return directory.resolve(name);
  }

  public Path configFile() {
    return file("config.properties");
  }

  public String readOrNull(String name) {
    Path path = file(name);
    try {
      return Files.exists(path) ? Files.readString(path) : null;
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.FAILED, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Writes the file readable by its owner only; the directory is created 0700 if missing. */
  public void writePrivate(String name, String content) {
    try {
      ensureDirectory();
      Path target = file(name);
      Path temporary =
          posix()
              ? Files.createTempFile(
                  directory,
                  "." + name,
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
              : Files.createTempFile(directory, "." + name, ".tmp");
      Files.writeString(temporary, content);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (posix()) {
        Files.setPosixFilePermissions(target, OWNER_ONLY_FILE);
      }
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.FAILED, "cannot write " + file(name) + ": " + e.getMessage(), e);
    }
  }

  public void delete(String name) {
    try {
      Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void ensureDirectory() throws IOException {
    if (Files.notExists(directory)) {
      if (posix()) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
      } else {
        Files.createDirectories(directory);
      }
    }
    if (posix()) {
      // an existing directory made by hand (or by an older tool) is tightened too
      Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
