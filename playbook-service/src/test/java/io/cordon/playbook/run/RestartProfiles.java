package io.cordon.playbook.run;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Two lives of one application on one database: the first is stopped with a run half done, the
 * second starts on the same database. Profiles run in the order of their class names (Quarkus
 * groups test classes by profile), so {@link LifeOne} runs before {@link LifeTwo}.
 */
final class RestartProfiles {
  static final String DATABASE = "cordon_restart_test";
  static final String INCIDENT = "INC-restart";
  static final String ACCOUNT_PREFIX = "restart-";
  static final String RESPONDER_GROUP = "restart-test-responder";
  static final int ACCOUNTS = 60;

  private RestartProfiles() {}

  private static List<QuarkusTestProfile.TestResourceEntry> resources() {
    return List.of(
        new QuarkusTestProfile.TestResourceEntry(
            EmbeddedPostgresResource.class,
            Map.of(EmbeddedPostgresResource.DATABASE_ARG, DATABASE)),
        new QuarkusTestProfile.TestResourceEntry(EmbeddedKafkaResource.class),
        new QuarkusTestProfile.TestResourceEntry(TestJwtResource.class));
  }

  /** A slow engine, so that the run is surely unfinished when the application stops. */
  public static class LifeOne implements QuarkusTestProfile {
    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return resources();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "cordon.engine.dispatch-batch-size", "10",
          "cordon.engine.poll-interval", "300ms",
          "cordon.engine.dispatch-on-commit", "false");
    }
  }

  /** The engine at its usual test speed. */
  public static class LifeTwo implements QuarkusTestProfile {
    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return resources();
    }
  }
}
