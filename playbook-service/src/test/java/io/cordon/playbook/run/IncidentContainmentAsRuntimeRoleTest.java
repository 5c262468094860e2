package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link IncidentContainmentTest} again, with the database roles production has (docs/security.md
 * "Database roles"): Flyway migrates as the owner and the service runs as a role holding only the
 * afterMigrate grants. Reports, runs, the outbox, the inbox, the audit log, releases and closes all
 * work without DDL and without rewriting audit entries.
 */
@QuarkusTest
@TestProfile(IncidentContainmentAsRuntimeRoleTest.SeparateRoles.class)
class IncidentContainmentAsRuntimeRoleTest extends IncidentContainmentTest {
  @Inject AgroalDataSource serviceDataSource;

  @Test
  void theServiceRunsAsTheRuntimeRole() throws SQLException {
    try (Connection connection = serviceDataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select current_user")) {
      row.next();
      assertThat(row.getString(1)).isEqualTo(EmbeddedPostgresResource.RUNTIME_ROLE);
    }
  }

  public static class SeparateRoles implements QuarkusTestProfile {
    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(
              EmbeddedPostgresResource.class,
              Map.of(EmbeddedPostgresResource.ROLES_ARG, EmbeddedPostgresResource.SEPARATE_ROLES)),
          new TestResourceEntry(EmbeddedKafkaResource.class),
          new TestResourceEntry(TestJwtResource.class));
    }
  }
}
