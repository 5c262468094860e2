package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a service jar does with no profile and no operator setting (docs/security.md "Least
 * privilege and exposure"): the defaults production gets are the closed ones.
 */
class ProductionDefaultsTest {

  private static Map<String, String> productionProperties(String service) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(
            Repository.root()
                .resolve(service)
                .resolve("src/main/resources/application.properties"))) {
      String trimmed = line.strip();
      int equals = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("%") || equals < 0) {
        continue;
      }
      values.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
    }
    return values;
  }

  @Test
  void swaggerUiIsOffAndNoLocalOnlySwitchIsOn() throws IOException {
    for (String service : Repository.SERVICES) {
      Map<String, String> values = productionProperties(service);
      assertThat(values).as(service).containsEntry("quarkus.swagger-ui.enable", "false");
      assertThat(values.getOrDefault("cordon.dashboard.dev-sign-in.enabled", "false"))
          .as(service)
          .isEqualTo("false");
      assertThat(values)
          .as(service)
          .doesNotContainKeys(
              "cordon.security.token.allow-missing-audience",
              "cordon.security.token.local-stack",
              "cordon.dashboard.dev-sign-in.local-stack",
              "mp.jwt.verify.issuer");
    }
  }

  /**
   * The manifests probe and scrape the management port, which exists only in images built with
   * {@code quarkus.management.enabled=true} (a build-time setting): the documented image build must
   * say so, and no service may turn it off for every build.
   */
  @Test
  void theImageBuildPutsHealthMetricsAndOpenApiOnTheManagementInterface() throws IOException {
    String readme = Files.readString(Repository.root().resolve("deploy/kubernetes/README.md"));
    int start = readme.indexOf("## Images");
    int build = readme.indexOf("-Dquarkus.container-image.build=true", start);
    int end = readme.indexOf("```", build);
    assertThat(build).as("the image build command in README \"Images\"").isPositive();
    assertThat(readme.substring(build, end)).contains("-Dquarkus.management.enabled=true");
    for (String service : Repository.SERVICES) {
      assertThat(productionProperties(service))
          .as(service)
          .doesNotContainKeys("quarkus.management.enabled", "quarkus.management.port");
    }
  }
}
