package io.cordon.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSpecTest {
  private final ManagedProcess.ProcessSpec spec =
      new ManagedProcess.ProcessSpec(
          "account-service",
          Path.of("account-service.jar"),
          Map.of("cordon.graph.request-timeout", "30s", "quarkus.http.port", "8081"),
          Map.of("MALLOC_ARENA_MAX", "2"),
          Path.of("logs/account-service.log"),
          ServiceSpecs.SERVICE_JVM);

  @Test
  void extraPropertiesWinAndExtraJvmOptionsComeAfterTheServicesOwn() {
    ManagedProcess.ProcessSpec extended =
        spec.with(
            Map.of("cordon.graph.request-timeout", "10s"), List.of("-XX:TieredStopAtLevel=1"));

    assertThat(extended.properties())
        .containsEntry("cordon.graph.request-timeout", "10s")
        .containsEntry("quarkus.http.port", "8081");
    assertThat(extended.jvmOptions())
        .startsWith(ServiceSpecs.SERVICE_JVM.toArray(String[]::new))
        .endsWith("-XX:TieredStopAtLevel=1");
    assertThat(extended.environment()).isEqualTo(spec.environment());
    assertThat(extended.jar()).isEqualTo(spec.jar());
  }

  @Test
  void nothingExtraLeavesTheSpecAsItIs() {
    assertThat(spec.with(Map.of(), List.of())).isSameAs(spec);
  }
}
