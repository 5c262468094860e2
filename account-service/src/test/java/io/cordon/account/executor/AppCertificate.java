package io.cordon.account.executor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away app certificate for the certificate credential: made with the JDK's keytool and
 * written as the PEM file (private key + certificate) that {@code cordon.graph.certificate-path}
 * takes. A fixed path under target/, so every class loader of the test sees the same file.
 */
final class AppCertificate {
  static final Path PEM = Path.of("target", "app-certificate", "cordon-test-app.pem");
  private static final String PASSWORD = "throw-away";

  private AppCertificate() {}

  static synchronized Path pemFile() {
    if (!Files.exists(PEM)) {
      create();
    }
    return PEM.toAbsolutePath();
  }

  /** The certificate in the PEM file, to check what the credential signed with. */
  static X509Certificate certificate() throws IOException, GeneralSecurityException {
    String pem = Files.readString(pemFile());
    String base64 =
        pem.substring(
                pem.indexOf("-----BEGIN CERTIFICATE-----") + 27,
                pem.indexOf("-----END CERTIFICATE-----"))
            .replaceAll("\\s", "");
    try (InputStream in = new java.io.ByteArrayInputStream(Base64.getDecoder().decode(base64))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static void create() {
    try {
      Path dir = Files.createDirectories(PEM.getParent());
      Path keystore = dir.resolve("app.p12");
      Files.deleteIfExists(keystore);
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "app",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  "CN=cordon-test-app",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  keystore.toString(),
                  "-storepass",
                  PASSWORD,
                  "-keypass",
                  PASSWORD)
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, PASSWORD.toCharArray());
      }
      PrivateKey key = (PrivateKey) store.getKey("app", PASSWORD.toCharArray());
      X509Certificate certificate = (X509Certificate) store.getCertificate("app");
      Files.writeString(
          PEM, pem("PRIVATE KEY", key.getEncoded()) + pem("CERTIFICATE", certificate.getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot make the test app certificate", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
