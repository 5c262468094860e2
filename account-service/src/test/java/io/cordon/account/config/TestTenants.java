package io.cordon.account.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.time.Duration;
import java.util.Map;

/** A tenant registry read through the real configuration mapping, as the service reads it. */
public final class TestTenants {
  private TestTenants() {}

  public static TenantRegistry registry(Map<String, String> properties) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(GraphConfig.class)
            // Quarkus's spelling of durations ("30s") as the service reads them
            .withConverter(Duration.class, 100, new DurationConverter())
            .withSources(new MapBackedConfigSource("test", properties, 100) {})
            .build();
    return new TenantRegistry(config.getConfigMapping(GraphConfig.class));
  }
}
