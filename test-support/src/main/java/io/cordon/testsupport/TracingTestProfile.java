package io.cordon.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * OpenTelemetry on (services keep it off in tests), spans handed to the exporters every 100 ms. The
 * test app supplies an in-memory SpanExporter bean to read them from.
 */
public class TracingTestProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "100ms");
  }
}
