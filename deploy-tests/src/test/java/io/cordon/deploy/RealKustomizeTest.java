package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where kubectl is installed (it embeds kustomize), the Java renderer must produce exactly what
 * {@code kubectl kustomize} produces for each overlay. Without kubectl the test is skipped: the
 * build never needs it, this only guards the renderer against drifting from the real tool.
 */
class RealKustomizeTest {

  @ParameterizedTest
  @ValueSource(strings = {"small", "ha"})
  void javaRendererMatchesKubectlKustomize(String overlay) throws Exception {
    String rendered = kubectlKustomize(Repository.overlay(overlay));

    assertThat(byId(Yaml.resourcesOf(rendered)))
        .isEqualTo(byId(Kustomize.build(Repository.overlay(overlay))));
  }

  private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> resources) {
    Map<String, Map<String, Object>> byId = new TreeMap<>();
    resources.forEach(r -> byId.put(Kustomize.id(r), r));
    return byId;
  }

  private static String kubectlKustomize(Path overlay) throws InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder("kubectl", "kustomize", overlay.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "kubectl is not installed");
      throw new AssertionError(e);
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assumeTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
      assertThat(process.exitValue()).as("kubectl kustomize exit code").isZero();
      return output;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
