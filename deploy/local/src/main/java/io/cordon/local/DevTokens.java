package io.cordon.local;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A signing key made fresh for each stack start and a token per role, so nothing minted for one
 * local stack is accepted by another. The services verify with the public half only.
 */
public final class DevTokens {
  /**
   * The local stack's own issuer (service-commons {@code TokenSettingsGuard.LOCAL_ISSUER}): a
   * service trusts it only with {@code cordon.security.token.local-stack=true}, which only this
   * launcher sets, and dashboard dev sign-in signs as nothing else.
   */
  public static final String ISSUER = "https://cordon.local/dev";

  /** The {@code aud} the local stack's services require, as production requires its own. */
  public static final String AUDIENCE = "api://cordon-local";

  public static final Map<String, String> PRINCIPALS =
      Map.of(
          "helpdesk", "hana.helpdesk@cordon.local",
          "viewer", "vera.viewer@cordon.local",
          "responder", "rei.responder@cordon.local",
          "approver", "aki.approver@cordon.local",
          "admin", "ada.admin@cordon.local",
          "detector", "defender-connector@cordon.local");
  private static final Duration LIFETIME = Duration.ofHours(12);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final KeyPair keys;
  private final Path publicKeyPem;
  private final Path privateKeyPem;

  private DevTokens(KeyPair keys, Path publicKeyPem, Path privateKeyPem) {
    this.keys = keys;
    this.publicKeyPem = publicKeyPem;
    this.privateKeyPem = privateKeyPem;
  }

  public static DevTokens create(Path keyFolder) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      Files.createDirectories(keyFolder);
      Path publicPem = keyFolder.resolve("jwt-public.pem");
      Path privatePem = keyFolder.resolve("jwt-private.pem");
      Files.writeString(publicPem, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
      writeOwnerOnly(privatePem, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
      return new DevTokens(keys, publicPem, privatePem);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No RSA key generator in this JDK", e);
    }
  }

  /**
   * The signing key mints tokens for every role: readable by the user who started the stack only
   * (0600 from the moment the file exists, also when an earlier start left one behind).
   */
  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(file, OWNER_ONLY); // whatever the umask did
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, content);
  }

  public Path publicKeyPem() {
    return publicKeyPem;
  }

  public Path privateKeyPem() {
    return privateKeyPem;
  }

  public String token(String principal, String... roles) {
    Instant now = Instant.now();
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .upn(principal)
        .subject(principal)
        // the claim the services read roles from (cordon.security.token.roles-claim's default)
        .claim("roles", List.of(roles))
        .issuedAt(now)
        .expiresAt(now.plus(LIFETIME))
        .sign(keys.getPrivate());
  }

  /** One token per role, written to {@code <folder>/<role>.jwt}; returns role -> token. */
  public Map<String, String> writeRoleTokens(Path folder) throws IOException {
    Files.createDirectories(folder);
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String role :
        new String[] {"viewer", "responder", "approver", "admin", "detector", "helpdesk"}) {
      String token = token(PRINCIPALS.get(role), role);
      Files.writeString(folder.resolve(role + ".jwt"), token + "\n");
      tokens.put(role, token);
    }
    return tokens;
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
