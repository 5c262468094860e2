package io.cordon.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WireMockGraphResourceTest {

  @InjectGraphWireMock WireMockServer graph;

  WireMockServer notAnnotated;

  private final WireMockGraphResource resource = new WireMockGraphResource();
  private Map<String, String> config;

  @BeforeEach
  void startAndInject() {
    config = resource.start();
    resource.inject(new ReflectiveInjector(this));
  }

  @AfterEach
  void stop() {
    resource.stop();
  }

  @Test
  void injectsTheRunningServerOnlyIntoAnnotatedFields() {
    assertThat(graph).isSameAs(resource.server());
    assertThat(graph.isRunning()).isTrue();
    assertThat(notAnnotated).isNull();
  }

  @Test
  void graphBaseUrlReachesTheStubs() throws Exception {
    graph.stubFor(
        get(urlEqualTo("/v1.0/users/a%40contoso.test"))
            .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"u-1\"}")));
    String baseUrl = config.get("cordon.graph.base-url");

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/users/a%40contoso.test")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(baseUrl).isEqualTo("http://localhost:" + graph.port() + "/v1.0");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"id\":\"u-1\"}");
    graph.verify(1, getRequestedFor(urlEqualTo("/v1.0/users/a%40contoso.test")));
  }

  @Test
  void tokenEndpointAnswersOverTrustedHttps() throws Exception {
    GraphWireMockStubs.stubTokenEndpoint(graph, "tenant-1");
    String tokenUrl =
        config.get("cordon.test.graph-wiremock.https-url") + "/tenant-1/oauth2/v2.0/token";

    HttpResponse<String> response =
        HttpClient.newBuilder()
            .sslContext(GraphWireMockTls.sslContext())
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(tokenUrl))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(tokenUrl).startsWith("https://localhost:" + graph.httpsPort());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(GraphWireMockStubs.ACCESS_TOKEN);
    assertThat(config.get("cordon.test.graph-wiremock.trust-store"))
        .isEqualTo(GraphWireMockTls.trustStorePath().toString());
  }

  @Test
  void resetForgetsStubs() {
    GraphWireMockStubs.stubTokenEndpoint(graph, "tenant-1");
    assertThat(graph.getStubMappings()).hasSize(2);

    GraphWireMockStubs.reset(graph);

    assertThat(graph.getStubMappings()).isEmpty();
  }

  /** What Quarkus does for the test instance, minus the class loader juggling. */
  private record ReflectiveInjector(Object testInstance) implements TestInjector {
    @Override
    public void injectIntoFields(Object value, Predicate<Field> predicate) {
      for (Field field : testInstance.getClass().getDeclaredFields()) {
        if (predicate.test(field)) {
          try {
            field.setAccessible(true);
            field.set(testInstance, value);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }
}
