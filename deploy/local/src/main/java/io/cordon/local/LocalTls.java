package io.cordon.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One self-signed localhost certificate per stack start, made with the JDK's keytool: the simulator
 * (Entra insists on https) and the demo's webhook receiver serve it, the services trust it through
 * the trust store. Local only; the store password protects nothing worth a secret.
 */
public final class LocalTls {
  public static final String PASSWORD = "cordon-local";
  private static final String ALIAS = "cordon-local";

  private final Path keyStore;
  private final Path trustStore;

  private LocalTls(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  public static LocalTls create(Path folder) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Path keyStore = folder.resolve("localhost-keystore.p12");
    Path certificate = folder.resolve("localhost.pem");
    Path trustStore = folder.resolve("localhost-truststore.p12");
    for (Path stale : List.of(keyStore, certificate, trustStore)) {
      Files.deleteIfExists(stale);
    }
    keytool(
        "-genkeypair",
        "-alias",
        ALIAS,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "30",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        ALIAS,
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        ALIAS,
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        PASSWORD);
    return new LocalTls(keyStore, trustStore);
  }

  public Path keyStore() {
    return keyStore;
  }

  public Path trustStore() {
    return trustStore;
  }

  public SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(trustStore)) {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(in, PASSWORD.toCharArray());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the local trust store " + trustStore, e);
    }
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException("keytool " + args[0] + " failed: " + output);
    }
  }
}
