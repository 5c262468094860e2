package io.cordon.playbook.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.commons.paging.PageRequest;
import io.cordon.playbook.model.DocumentFormat;
import io.cordon.playbook.model.Origin;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.PlaybookVersionSummary;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class PlaybookVersioningTest {
  @Inject BuiltInPlaybooks builtIns;
  @Inject PlaybookDocuments documents;
  @Inject PlaybookVersioning versioning;
  @Inject PlaybookCatalog catalog;

  private Playbook playbook(String name, String action) {
    return documents.read(
        "name: " + name + "\nsteps: [{id: only, action: " + action + "}]\n",
        DocumentFormat.YAML,
        null);
  }

  private List<PlaybookVersionSummary> versions(String name) {
    return catalog.versions(name, PageRequest.of(null, null)).items();
  }

  @Test
  void installingTheBuiltInsAgainMakesNoNewVersion() {
    Map<String, SaveOutcome> again = builtIns.installAll();

    assertThat(again.keySet())
        .containsExactly(
            "contain-compromised-account", "revoke-only", "recover-account", "release-account");
    assertThat(again.values())
        .extracting(SaveOutcome::change)
        .containsOnly(SaveOutcome.Change.UNCHANGED);
    assertThat(versions("contain-compromised-account")).hasSize(1);
    assertThat(versions("revoke-only"))
        .singleElement()
        .satisfies(v -> assertThat(v.origin()).isEqualTo(Origin.BUILT_IN));
    assertThat(catalog.defaultPlaybook().name()).isEqualTo("contain-compromised-account");
  }

  @Test
  void aChangedShippedPlaybookIsFollowedUntilAnAdminEditsIt() {
    String v1 = "name: shipped-sample\nsteps: [{id: revoke, action: REVOKE_SESSIONS}]\n";
    String v2 =
        "name: shipped-sample\nsteps: [{id: revoke, action: REVOKE_SESSIONS, timeout: 5m}]\n";
    String v3 =
        "name: shipped-sample\nsteps: [{id: revoke, action: REVOKE_SESSIONS, timeout: 9m}]\n";

    assertThat(builtIns.install(v1).change()).isEqualTo(SaveOutcome.Change.NEW_VERSION);
    assertThat(builtIns.install(v1).change()).isEqualTo(SaveOutcome.Change.UNCHANGED);
    assertThat(builtIns.install(v2).playbook().version()).isEqualTo(2);

    SaveOutcome edited = versioning.save(playbook("shipped-sample", "RESET_PASSWORD"), "admin@x");
    assertThat(edited.playbook().version()).isEqualTo(3);

    SaveOutcome shippedAgain = builtIns.install(v3);
    assertThat(shippedAgain.change()).isEqualTo(SaveOutcome.Change.KEPT_CUSTOMISED);
    assertThat(catalog.get("shipped-sample", null).steps().get(0).action().name())
        .isEqualTo("RESET_PASSWORD");
    assertThat(versions("shipped-sample"))
        .extracting(PlaybookVersionSummary::version, PlaybookVersionSummary::origin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, Origin.API),
            org.assertj.core.groups.Tuple.tuple(2, Origin.BUILT_IN),
            org.assertj.core.groups.Tuple.tuple(1, Origin.BUILT_IN));
  }

  @Test
  void concurrentEqualUploadsMakeExactlyOneVersion() throws Exception {
    Playbook same = playbook("raced", "REVOKE_OAUTH_GRANTS");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<SaveOutcome>> uploads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        uploads.add(() -> versioning.save(same, "admin@x"));
      }
      List<SaveOutcome> outcomes = new ArrayList<>();
      for (Future<SaveOutcome> outcome : pool.invokeAll(uploads)) {
        outcomes.add(outcome.get());
      }
      assertThat(outcomes).filteredOn(SaveOutcome::created).hasSize(1);
      assertThat(outcomes).extracting(o -> o.playbook().version()).containsOnly(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(versions("raced")).hasSize(1);
  }

  @Test
  void concurrentDifferentUploadsEachGetTheirOwnVersion() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> actions =
        List.of("REVOKE_SESSIONS", "RESET_PASSWORD", "DISABLE_ACCOUNT", "REVOKE_OAUTH_GRANTS");
    try {
      List<Callable<SaveOutcome>> uploads = new ArrayList<>();
      for (String action : actions) {
        uploads.add(() -> versioning.save(playbook("raced-different", action), "admin@x"));
      }
      for (Future<SaveOutcome> outcome : pool.invokeAll(uploads)) {
        assertThat(outcome.get().created()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(versions("raced-different"))
        .extracting(PlaybookVersionSummary::version)
        .containsExactly(4, 3, 2, 1);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAVersion() throws SQLException {
    versioning.save(playbook("immutable", "REVOKE_SESSIONS"), "admin@x");

    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(
              () ->
                  statement.executeUpdate(
                      "update playbook_version set description = 'rewritten' where name ="
                          + " 'immutable'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("playbook immutable version 1 is immutable");
      assertThatThrownBy(
              () ->
                  statement.executeUpdate("delete from playbook_version where name = 'immutable'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("is immutable");
      try (ResultSet stored =
          statement.executeQuery(
              "select content ->> 'name', content_sha256, origin from playbook_version"
                  + " where name = 'immutable'")) {
        assertThat(stored.next()).isTrue();
        assertThat(stored.getString(1)).isEqualTo("immutable");
        assertThat(stored.getString(2)).hasSize(64);
        assertThat(stored.getString(3)).isEqualTo("API");
      }
    }
  }
}
