package io.cordon.commons;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service as the Kubernetes images are built ({@code quarkus.management.enabled=true},
 * deploy/kubernetes/README.md "Images"): health, metrics and OpenAPI answer on the management port
 * only, and the API port, the one the ingress reaches, serves none of them.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.ManagementOn.class)
class ManagementInterfaceTest {
  private static final String PORT_PROPERTY = "cordon.test.management-port";
  private static final int MANAGEMENT_PORT = freePort();

  @Test
  void healthMetricsAndOpenApiAnswerOnTheManagementPortOnly() {
    for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
      given().port(MANAGEMENT_PORT).get(path).then().statusCode(200);
      given().get(path).then().statusCode(404);
    }
    given().port(MANAGEMENT_PORT).get("/q/health/ready").then().body("status", equalTo("UP"));
    given()
        .port(MANAGEMENT_PORT)
        .get("/q/openapi")
        .then()
        .body(containsString("/api/v1/audit/verify"));
  }

  // one port for the profile and the test, even when Quarkus loads this class twice
  private static synchronized int freePort() {
    String chosen = System.getProperty(PORT_PROPERTY);
    if (chosen != null) {
      return Integer.parseInt(chosen);
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      System.setProperty(PORT_PROPERTY, Integer.toString(socket.getLocalPort()));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The management interface on (a build-time setting, so an application of its own). */
  public static class ManagementOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.management.enabled",
          "true",
          "quarkus.management.test-port",
          Integer.toString(MANAGEMENT_PORT));
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(EmbeddedPostgresResource.class),
          new TestResourceEntry(EmbeddedKafkaResource.class),
          new TestResourceEntry(TestJwtResource.class));
    }
  }
}
