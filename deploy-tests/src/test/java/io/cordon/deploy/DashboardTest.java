package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard queries only metrics the services really expose. */
class DashboardTest {
  /** A metric name in PromQL: an identifier followed by its label matcher. */
  private static final Pattern METRIC = Pattern.compile("([a-z_:][a-z0-9_:]*)\\{");

  @Test
  void everyQueriedMetricIsOneTheServicesExpose() throws IOException {
    Set<String> exposed = exposedMetrics();
    Set<String> queried = new LinkedHashSet<>();
    for (Map<String, Object> panel : Node.maps(dashboard(), "panels")) {
      for (Map<String, Object> target : Node.maps(panel, "targets")) {
        queried.addAll(metricsIn(Node.str(target, "expr")));
      }
    }

    assertThat(queried).isNotEmpty();
    assertThat(exposed).containsAll(queried);
  }

  @Test
  void theConfigMapCarriesTheGrafanaDashboardOfTheRepository() throws IOException {
    String source =
        java.nio.file.Files.readString(
            Repository.root().resolve("deploy/grafana/cordon-dashboard.json"));

    assertThat(dashboard()).isEqualTo(Yaml.asMap(Yaml.JSON.readValue(source, Map.class)));
  }

  @Test
  void metricNamesAreFoundInQueries() {
    assertThat(metricsIn("sum by (job) (rate(a_total{x=\"y\"}[5m])) / b_max{z=~\"w\"}"))
        .containsExactly("a_total", "b_max");
  }

  static Set<String> metricsIn(String expr) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = METRIC.matcher(expr);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Map<String, Object> dashboard() throws IOException {
    List<Map<String, Object>> resources = Kustomize.build(Repository.overlay("small"));
    Map<String, Object> configMap =
        resources.stream()
            .filter(r -> Node.map(r, "metadata.labels").containsKey("grafana_dashboard"))
            .findFirst()
            .orElseThrow();
    Object json = Node.map(configMap, "data").values().iterator().next();
    return Yaml.asMap(Yaml.JSON.readValue(String.valueOf(json), Map.class));
  }

  private static Set<String> exposedMetrics() throws IOException {
    try (InputStream in = DashboardTest.class.getResourceAsStream("/quarkus-metric-names.txt")) {
      Set<String> names = new LinkedHashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip());
        }
      }
      return names;
    }
  }
}
