package io.cordon.graphsim.tls;

import io.cordon.graphsim.config.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jboss.logging.Logger;

/**
 * The key store HTTPS is served with (the configured one, or a self-signed localhost certificate
 * made at start) and the trust store other processes load to trust it.
 */
@ApplicationScoped
public class TlsMaterial {
  private static final Logger LOG = Logger.getLogger(TlsMaterial.class);
  private static final String ALIAS = "graph-simulator";

  @Inject SimConfig config;

  private byte[] keyStore;
  private String keyStorePassword;
  private Path trustStore;

  /** PKCS12 bytes of the serving key store. */
  public synchronized byte[] keyStore() {
    prepare();
    return keyStore;
  }

  public synchronized String keyStorePassword() {
    prepare();
    return keyStorePassword;
  }

  public synchronized Path trustStore() {
    prepare();
    return trustStore;
  }

  private void prepare() {
    if (keyStore != null) {
      return;
    }
    try {
      KeyStore store;
      if (config.tls().keyStore().isPresent()) {
        keyStorePassword = config.tls().keyStorePassword().orElse("");
        store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(config.tls().keyStore().get()))) {
          store.load(in, keyStorePassword.toCharArray());
        }
      } else {
        keyStorePassword = new BigInteger(130, new SecureRandom()).toString(32);
        store = selfSigned(keyStorePassword);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      store.store(bytes, keyStorePassword.toCharArray());
      keyStore = bytes.toByteArray();
      trustStore = writeTrustStore(store);
      LOG.infof("graph-simulator trust store (PKCS12) written to %s", trustStore.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot prepare TLS for the graph-simulator", e);
    }
  }

  private static KeyStore selfSigned(String password)
      throws GeneralSecurityException, IOException, OperatorCreationException {
    // EC P-256: made in milliseconds, where RSA 2048 takes seconds on a busy machine
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=localhost, O=Cordon graph-simulator");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            subject,
            pair.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.iPAddress, "::1")
            }));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
    return store;
  }

  private Path writeTrustStore(KeyStore keys) throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    for (String alias : Collections.list(keys.aliases())) {
      Certificate certificate = keys.getCertificate(alias);
      if (certificate != null) {
        trusted.setCertificateEntry(alias, certificate);
      }
    }
    Path out = Path.of(config.tls().trustStoreOut()).toAbsolutePath();
    Files.createDirectories(out.getParent());
    Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream file = Files.newOutputStream(temporary)) {
      trusted.store(file, config.tls().trustStorePassword().toCharArray());
    }
    // readers never see a half-written store
    Files.move(
        temporary,
        out,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return out;
  }
}
