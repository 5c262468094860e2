package io.cordon.notification.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The local-stack setting: partner webhooks may point at private and loopback addresses. */
public class AllowPrivateTargetsProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("cordon.notification.allow-private-targets", "true");
  }
}
