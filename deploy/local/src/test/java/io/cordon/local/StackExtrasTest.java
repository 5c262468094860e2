package io.cordon.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackExtrasTest {
  @TempDir Path root;

  @Test
  void extraJvmOptionsReachOnlyTheProcessTheyAreFor() {
    Stack stack =
        new Stack(StackOptions.defaults(root), line -> {})
            .withExtraJvmOptions("graph-simulator", List.of("-XX:TieredStopAtLevel=1"))
            .withExtraJvmOptions("account-service", List.of("-Xmn48m"))
            .withExtraJvmOptions("account-service", List.of("-Xss512k"));

    assertThat(stack.withExtras(spec("account-service")).jvmOptions())
        .startsWith(ServiceSpecs.SERVICE_JVM.toArray(String[]::new))
        .endsWith("-Xmn48m", "-Xss512k");
    assertThat(stack.withExtras(spec("graph-simulator")).jvmOptions())
        .endsWith("-XX:TieredStopAtLevel=1")
        .doesNotContain("-Xmn48m");
    assertThat(stack.withExtras(spec("playbook-service")).jvmOptions())
        .isEqualTo(ServiceSpecs.SERVICE_JVM);
  }

  private static ManagedProcess.ProcessSpec spec(String name) {
    return new ManagedProcess.ProcessSpec(
        name,
        Path.of(name + ".jar"),
        Map.of(),
        Map.of(),
        Path.of("logs", name + ".log"),
        ServiceSpecs.SERVICE_JVM);
  }
}
