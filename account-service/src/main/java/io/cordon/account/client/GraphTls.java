package io.cordon.account.client;

import io.cordon.account.config.GraphConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** Trusts a private CA when one is configured (tests, the simulator); the JVM's trust otherwise. */
final class GraphTls {
  private GraphTls() {}

  static OkHttpClient.Builder apply(OkHttpClient.Builder builder, GraphConfig config) {
    Optional<String> trustStore = config.trustStore();
    if (trustStore.isEmpty()) {
      return builder;
    }
    X509TrustManager trustManager =
        trustManager(trustStore.get(), config.trustStorePassword().orElse(""));
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
      return builder.sslSocketFactory(context.getSocketFactory(), trustManager);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build TLS context for Graph", e);
    }
  }

  private static X509TrustManager trustManager(String path, String password) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return (X509TrustManager) factory.getTrustManagers()[0];
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read cordon.graph.trust-store " + path, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Invalid cordon.graph.trust-store " + path, e);
    }
  }
}
