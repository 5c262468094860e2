package io.cordon.account.executor;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** OpenTelemetry on (it is off in tests), spans exported often to the in-memory exporter. */
public class TracingProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "100ms");
  }
}
