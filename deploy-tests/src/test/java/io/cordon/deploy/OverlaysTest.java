package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both overlays render with the kustomize subset and pass every check of ManifestValidator. */
class OverlaysTest {

  @Test
  void smallRendersAndValidates() {
    List<Map<String, Object>> resources = Kustomize.build(Repository.overlay("small"));

    assertThat(ManifestValidator.problems(resources, Repository.small())).isEmpty();
    assertThat(kinds(resources, "Deployment")).hasSize(3);
    assertThat(kinds(resources, "PodDisruptionBudget")).isEmpty();
  }

  @Test
  void haRendersAndValidates() {
    List<Map<String, Object>> resources = Kustomize.build(Repository.overlay("ha"));

    assertThat(ManifestValidator.problems(resources, Repository.ha())).isEmpty();
    assertThat(kinds(resources, "PodDisruptionBudget")).hasSize(3);
    assertThat(kinds(resources, "Deployment"))
        .allSatisfy(d -> assertThat(Node.at(d, "spec.replicas")).isEqualTo(3));
  }

  @Test
  void everyRenderedResourceCarriesTheOverlayLabels() {
    for (String overlay : List.of("small", "ha")) {
      List<String> unlabelled =
          Kustomize.build(Repository.overlay(overlay)).stream()
              .filter(
                  r -> {
                    Map<String, Object> labels = Node.map(r, "metadata.labels");
                    return !"cordon".equals(labels.get("app.kubernetes.io/part-of"))
                        || !overlay.equals(labels.get("cordon.io/profile"));
                  })
              .map(Kustomize::id)
              .toList();
      assertThat(unlabelled).as(overlay).isEmpty();
    }
  }

  @Test
  void eachOverlayHoldsOnlyToItsOwnPromises() {
    // the same manifests fail the other overlay's expectations: the checks are not vacuous
    assertThat(
            ManifestValidator.problems(
                Kustomize.build(Repository.overlay("small")), Repository.ha()))
        .anyMatch(p -> p.contains("replicas 1, expected 3"))
        .anyMatch(p -> p.contains("PodDisruptionBudget"))
        .anyMatch(p -> p.contains("anti-affinity"))
        .anyMatch(p -> p.contains("min.insync.replicas"));
    assertThat(
            ManifestValidator.problems(
                Kustomize.build(Repository.overlay("ha")), Repository.small()))
        .anyMatch(p -> p.contains("replicas 3, expected 1"))
        .anyMatch(p -> p.contains("blocks node drains"));
  }

  static List<Map<String, Object>> kinds(List<Map<String, Object>> resources, String kind) {
    return resources.stream().filter(r -> kind.equals(Node.kind(r))).toList();
  }
}
