package io.cordon.account.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.Topics;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.StoredText;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §4: generated passwords and the client secret never reach a log line, a table row or a
 * Kafka message. The passwords are captured where they must go — the request to Graph — and then
 * searched for everywhere else.
 */
@QuarkusTest
@GraphExecutorResources
class SecretsNeverLeakTest {
  private static final String CLIENT_SECRET = "test-client-secret-not-real";

  @InjectGraphWireMock WireMockServer graph;

  @Test
  void generatedPasswordsAndClientSecretAppearOnlyInTheGraphRequest() throws Exception {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    List<GraphJournal.InnerRequest> resets;
    try (ActionTraffic traffic = new ActionTraffic()) {
      traffic.send(
          IntStream.range(300, 310)
              .mapToObj(u -> traffic.request(u, ActionType.RESET_PASSWORD))
              .toList());
      traffic.awaitCompletions(10, Duration.ofSeconds(90));
      resets = traffic.ownRequests(graph);
    }

    List<String> passwords =
        resets.stream()
            .map(r -> r.body().path("passwordProfile").path("password").asText())
            .toList();
    // counts and booleans only: a failure message must not print a password
    assertThat(passwords.size()).isEqualTo(10);
    assertThat(new java.util.HashSet<>(passwords).size()).isEqualTo(10);
    assertThat(passwords.stream().allMatch(SecretsNeverLeakTest::meetsEntraComplexity)).isTrue();

    List<String> secrets = new ArrayList<>(passwords);
    secrets.add(CLIENT_SECRET);
    String audit = auditDump();
    // the audit log names each reset (one entry per Graph outcome) but never its password
    assertThat(audit).contains("RESET_PASSWORD");
    for (int i = 0; i < secrets.size(); i++) {
      assertThat(audit.contains(secrets.get(i))).as("secret #%d in the audit log", i).isFalse();
    }
    String everythingStored = databaseDump() + kafkaDump() + logFile();
    assertThat(everythingStored).contains("RESET_PASSWORD");
    for (int i = 0; i < secrets.size(); i++) {
      assertThat(everythingStored.contains(secrets.get(i))).as("secret #%d found", i).isFalse();
    }
  }

  private static boolean meetsEntraComplexity(String password) {
    return password.length() >= 24
        && password.matches(".*[A-Z].*")
        && password.matches(".*[a-z].*")
        && password.matches(".*[0-9].*")
        && password.matches(".*[^A-Za-z0-9].*");
  }

  private static String auditDump() throws SQLException {
    StringBuilder dump = new StringBuilder();
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select t::text from audit_entry t where kind = 'graph-action'")) {
      while (rows.next()) {
        dump.append(rows.getString(1)).append('\n');
      }
    }
    return dump.toString();
  }

  private static String databaseDump() throws SQLException {
    return StoredText.database();
  }

  private static String kafkaDump() {
    return StoredText.kafka(Topics.ALL);
  }

  private static String logFile() throws IOException {
    return StoredText.file(Path.of("target/account-service-test.log"));
  }
}
