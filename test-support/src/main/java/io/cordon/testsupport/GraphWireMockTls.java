package io.cordon.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test-only certificate (CN and SAN localhost, 127.0.0.1) WireMock serves HTTPS with, and a
 * trust store holding just that certificate: hand {@link #sslContext()} to an HTTP client, or
 * {@link #trustStorePath()} to a client or JVM that wants a file (type PKCS12, password {@value
 * #PASSWORD}).
 */
public final class GraphWireMockTls {

  public static final String PASSWORD = "cordon-test";
  public static final String TRUST_STORE_TYPE = "PKCS12";

  private static final String FOLDER = "cordon-test-tls/";
  private static Path keyStore;
  private static Path trustStore;

  private GraphWireMockTls() {}

  public static synchronized Path trustStorePath() {
    if (trustStore == null) {
      trustStore = copyToTempFile("graph-wiremock-truststore.p12");
    }
    return trustStore;
  }

  public static SSLContext sslContext() {
    try (InputStream in = Files.newInputStream(trustStorePath())) {
      KeyStore trusted = KeyStore.getInstance(TRUST_STORE_TYPE);
      trusted.load(in, PASSWORD.toCharArray());
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build an SSLContext trusting the WireMock cert", e);
    }
  }

  static synchronized Path keyStorePath() {
    if (keyStore == null) {
      keyStore = copyToTempFile("graph-wiremock-keystore.p12");
    }
    return keyStore;
  }

  // JVMs and WireMock want files; the stores ship inside this jar
  private static Path copyToTempFile(String name) {
    try (InputStream in =
        GraphWireMockTls.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + FOLDER + name);
      }
      Path file = Files.createTempFile("cordon-", "-" + name);
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
