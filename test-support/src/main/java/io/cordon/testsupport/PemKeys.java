package io.cordon.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads RSA keys in PEM (PKCS#8 private, X.509 public) from the classpath. */
final class PemKeys {

  private PemKeys() {}

  static PrivateKey privateKey(String resource) {
    try {
      return rsa().generatePrivate(new PKCS8EncodedKeySpec(der(resource)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Not a PKCS#8 RSA private key: " + resource, e);
    }
  }

  static PublicKey publicKey(String resource) {
    try {
      return rsa().generatePublic(new X509EncodedKeySpec(der(resource)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Not an X.509 RSA public key: " + resource, e);
    }
  }

  private static KeyFactory rsa() throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA");
  }

  private static byte[] der(String resource) {
    return Base64.getMimeDecoder().decode(stripArmour(read(resource)));
  }

  private static String stripArmour(String pem) {
    return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }

  static String read(String resource) {
    try (InputStream in = PemKeys.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
