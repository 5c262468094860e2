package io.cordon.contracts.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ed25519 keys for signed action requests, as PEM files: PKCS#8 private ({@code openssl genpkey
 * -algorithm ed25519}), X.509 public ({@code openssl pkey -pubout}). Failures name the file, never
 * its content.
 */
public final class SigningKeys {
  public static final String ALGORITHM = "Ed25519";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SigningKeys() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No Ed25519 key generator in this JDK", e);
    }
  }

  public static PrivateKey readPrivate(Path file) {
    return privateFromPem(read(file), file.toString());
  }

  /** A private key from PEM text; {@code source} names it in a failure instead of the text. */
  public static PrivateKey privateFromPem(String pem, String source) {
    try {
      return factory().generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(source + " holds no PKCS#8 Ed25519 private key in PEM");
    }
  }

  public static PublicKey readPublic(Path file) {
    try {
      return factory().generatePublic(new X509EncodedKeySpec(der(read(file))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(file + " holds no X.509 Ed25519 public key in PEM");
    }
  }

  /**
   * Every {@code <keyId>.pem} in a folder, by key id. A Kubernetes Secret or ConfigMap mounted as a
   * folder gives one file per key, so a rotation adds a file.
   */
  public static Map<String, PublicKey> readPublicFolder(Path folder) {
    Map<String, PublicKey> keys = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.pem")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        keys.put(name.substring(0, name.length() - ".pem".length()), readPublic(file));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the public key folder " + folder, e);
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException(folder + " holds no <keyId>.pem public key");
    }
    return keys;
  }

  /** Writes the private key readable by its owner only, from the moment the file exists. */
  public static void writePrivate(Path file, PrivateKey key) throws IOException {
    Files.deleteIfExists(file);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(file, OWNER_ONLY); // whatever the umask did
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
  }

  public static void writePublic(Path file, PublicKey key) throws IOException {
    Files.writeString(file, pem("PUBLIC KEY", key.getEncoded()));
  }

  /** True when group or others may read the file (a private key should be 0600 or 0400). */
  public static boolean readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }

  private static KeyFactory factory() throws GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the key file " + file, e);
    }
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder()
        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
