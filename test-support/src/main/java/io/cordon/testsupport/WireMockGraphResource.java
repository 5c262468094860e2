package io.cordon.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server standing in for Microsoft Graph (HTTP) and its token endpoint (HTTPS, trusted
 * through {@link GraphWireMockTls}). Tests get it through a field annotated {@link
 * InjectGraphWireMock}.
 */
public class WireMockGraphResource implements QuarkusTestResourceLifecycleManager {

  public static final String GRAPH_PATH = "/v1.0";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server =
        new WireMockServer(
            options()
                .bindAddress("localhost")
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(GraphWireMockTls.keyStorePath().toString())
                .keystorePassword(GraphWireMockTls.PASSWORD)
                .keyManagerPassword(GraphWireMockTls.PASSWORD)
                .keystoreType("PKCS12")
                .containerThreads(40)
                .extensions(new GraphBatchResponder())
                .notifier(new ConsoleNotifier(false)));
    server.start();
    return Map.of(
        "cordon.graph.base-url", httpUrl() + GRAPH_PATH,
        "cordon.test.graph-wiremock.http-url", httpUrl(),
        "cordon.test.graph-wiremock.https-url", httpsUrl(),
        "cordon.test.graph-wiremock.trust-store", GraphWireMockTls.trustStorePath().toString(),
        "cordon.test.graph-wiremock.trust-store-password", GraphWireMockTls.PASSWORD);
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(
        server,
        new TestInjector.AnnotatedAndMatchesType(InjectGraphWireMock.class, WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public WireMockServer server() {
    return server;
  }

  public String httpUrl() {
    return "http://localhost:" + server.port();
  }

  public String httpsUrl() {
    return "https://localhost:" + server.httpsPort();
  }
}
