package io.cordon.notification.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.cordon.testsupport.GraphWireMockTls;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A WireMock server playing the partners' webhook receivers over HTTPS (localhost only), with the
 * test certificate of test-support and a trust store for it handed to the service. Requests whose
 * signature the Standard Webhooks library rejects get 401 from a low-priority catch-all.
 */
public class PartnerEndpointResource implements QuarkusTestResourceLifecycleManager {
  private static final String KEY_STORE = "cordon-test-tls/graph-wiremock-keystore.p12";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server =
        new WireMockServer(
            options()
                .bindAddress("localhost")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keyStore().toString())
                .keystorePassword(GraphWireMockTls.PASSWORD)
                .keyManagerPassword(GraphWireMockTls.PASSWORD)
                .keystoreType("PKCS12")
                .extensions(new StandardWebhooksMatcher())
                .notifier(new ConsoleNotifier(false)));
    server.start();
    server.stubFor(
        any(anyUrl())
            .atPriority(100)
            .willReturn(aResponse().withStatus(401).withBody("signature not accepted")));
    return Map.of(
        "cordon.notification.webhook.trust-store",
        GraphWireMockTls.trustStorePath().toString(),
        "cordon.notification.webhook.trust-store-password",
        GraphWireMockTls.PASSWORD,
        "cordon.test.partner-endpoint.url",
        baseUrl());
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(
        server,
        new TestInjector.AnnotatedAndMatchesType(
            InjectPartnerEndpoint.class, WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  private String baseUrl() {
    return "https://localhost:" + server.httpsPort();
  }

  // WireMock wants a file; the store ships inside the test-support jar
  private static Path keyStore() {
    try (InputStream in =
        PartnerEndpointResource.class.getClassLoader().getResourceAsStream(KEY_STORE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + KEY_STORE);
      }
      Path file = Files.createTempFile("cordon-partner-endpoint-", ".p12");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
