package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kustomize subset behaves as kustomize does, and refuses what it does not implement. */
class KustomizeTest {
  @TempDir Path dir;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
        template:
          spec:
            containers:
              - name: web
                image: example/web:1.0
                env:
                  - name: A
                    value: "1"
              - name: sidecar
                image: registry.local:5000/sidecar:2
      ---
      apiVersion: example.io/v1
      kind: Thing
      metadata:
        name: thing
      spec:
        size: 1
        list: [a, b]
      """;

  @BeforeEach
  void base() throws IOException {
    Files.createDirectories(dir.resolve("base"));
    Files.writeString(dir.resolve("base/app.yaml"), DEPLOYMENT);
    Files.writeString(
        dir.resolve("base/kustomization.yaml"),
        """
        resources:
          - app.yaml
        labels:
          - pairs:
              team: sec
            includeTemplates: true
        """);
  }

  private List<Map<String, Object>> overlay(String kustomization) throws IOException {
    Path overlay = Files.createDirectories(dir.resolve("overlay"));
    Files.writeString(overlay.resolve("kustomization.yaml"), kustomization);
    return Kustomize.build(overlay);
  }

  @Test
  void strategicMergeMergesContainersAndEnvByNameAndReplacesOtherLists() throws IOException {
    Files.writeString(
        dir.resolve("patch.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  env:
                    - name: B
                      value: "2"
                    - name: A
                      value: "3"
        """);
    List<Map<String, Object>> resources =
        overlay(
            """
            namespace: prod
            resources:
              - ../base
            patches:
              - path: ../patch.yaml
              - target:
                  kind: Thing
                patch: |-
                  spec:
                    list: [c]
            """);

    Map<String, Object> web = resources.get(0);
    List<Map<String, Object>> containers = Node.maps(web, "spec.template.spec.containers");
    assertThat(containers).extracting(c -> c.get("name")).containsExactly("web", "sidecar");
    assertThat(Node.maps(containers.get(0), "env"))
        .containsExactly(Map.of("name", "A", "value", "3"), Map.of("name", "B", "value", "2"));
    assertThat(containers.get(0)).containsEntry("image", "example/web:1.0");
    assertThat(Node.list(resources.get(1), "spec.list")).containsExactly("c");
    assertThat(Node.str(web, "metadata.namespace")).isEqualTo("prod");
    assertThat(Node.map(web, "spec.template.metadata.labels")).containsEntry("team", "sec");
  }

  @Test
  void jsonPatchesReplicasAndImagesApply() throws IOException {
    List<Map<String, Object>> resources =
        overlay(
            """
            resources:
              - ../base
            patches:
              - target:
                  group: example.io
                  kind: Thing
                  name: thing
                patch: |-
                  - op: replace
                    path: /spec/size
                    value: 3
                  - op: add
                    path: /spec/list/-
                    value: z
                  - op: add
                    path: /spec/a~1b
                    value: slash
            replicas:
              - name: web
                count: 3
            images:
              - name: example/web
                newName: registry.example.com/web
                newTag: "2.0"
              - name: registry.local:5000/sidecar
                newTag: "3"
            """);

    Map<String, Object> thing = resources.get(1);
    assertThat(Node.at(thing, "spec.size")).isEqualTo(3);
    assertThat(Node.list(thing, "spec.list")).containsExactly("a", "b", "z");
    assertThat(Node.map(thing, "spec")).containsEntry("a/b", "slash");
    assertThat(Node.at(resources.get(0), "spec.replicas")).isEqualTo(3);
    assertThat(Node.maps(resources.get(0), "spec.template.spec.containers"))
        .extracting(c -> c.get("image"))
        .containsExactly("registry.example.com/web:2.0", "registry.local:5000/sidecar:3");
  }

  @Test
  void configMapGeneratorReadsFilesUnderItsRoot() throws IOException {
    Files.writeString(dir.resolve("base/board.json"), "{\"panels\":[]}");
    Files.writeString(
        dir.resolve("base/kustomization.yaml"),
        """
        resources:
          - app.yaml
        configMapGenerator:
          - name: board
            files:
              - board.json
            literals:
              - MODE=prod
            options:
              disableNameSuffixHash: true
              labels:
                grafana_dashboard: "1"
        """);

    Map<String, Object> configMap = Kustomize.build(dir.resolve("base")).get(2);

    assertThat(Node.map(configMap, "data"))
        .containsEntry("board.json", "{\"panels\":[]}")
        .containsEntry("MODE", "prod");
    assertThat(Node.map(configMap, "metadata.labels")).containsEntry("grafana_dashboard", "1");
  }

  @Test
  void refusesWhatTheSubsetDoesNotImplement() {
    assertThatThrownBy(() -> overlay("resources: [../base]\ncommonLabels: {a: b}\n"))
        .hasMessageContaining("'commonLabels' is outside the kustomize subset");
    assertThatThrownBy(
            () ->
                overlay(
                    "resources: [../base]\nlabels: [{pairs: {a: b}, includeSelectors: true}]\n"))
        .hasMessageContaining("includeSelectors");
    assertThatThrownBy(
            () ->
                overlay(
                    "resources: [../base]\npatches: [{target: {kind: Thing}, patch: '{spec: {$patch: delete}}'}]\n"))
        .hasMessageContaining("$patch");
    assertThatThrownBy(
            () ->
                overlay(
                    "resources: [../base]\npatches: [{target: {labelSelector: a=b}, patch: '[]'}]\n"))
        .hasMessageContaining("'labelSelector' is outside");
  }

  @Test
  void refusesMistakesKustomizeWouldAlsoRefuseOrSilentlyIgnore() {
    assertThatThrownBy(
            () ->
                overlay(
                    "resources: [../base]\npatches: [{target: {kind: Thing, name: other}, patch: '[{op: remove, path: /spec}]'}]\n"))
        .hasMessageContaining("patch matches no resource");
    assertThatThrownBy(
            () ->
                overlay(
                    "resources: [../base]\npatches: [{target: {kind: Thing}, patch: '[{op: replace, path: /spec/missing, value: 1}]'}]\n"))
        .hasMessageContaining("replaces a missing value");
    assertThatThrownBy(() -> overlay("resources: [../base, ../base/app.yaml]\n"))
        .hasMessageContaining("resource defined twice");
    assertThatThrownBy(() -> overlay("resources: [../base]\nreplicas: [{name: api, count: 2}]\n"))
        .hasMessageContaining("replicas for an unknown workload");
  }
}
