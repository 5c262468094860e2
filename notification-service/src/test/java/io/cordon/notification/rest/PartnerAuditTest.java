package io.cordon.notification.rest;

import static io.cordon.notification.rest.Partners.ADMIN;
import static io.cordon.notification.rest.Partners.PATH;
import static io.cordon.notification.rest.Partners.VIEWER;
import static io.cordon.notification.rest.Partners.as;
import static io.cordon.notification.rest.Partners.body;
import static io.cordon.notification.rest.Partners.createdId;
import static io.cordon.notification.rest.Partners.newSecret;
import static io.cordon.notification.rest.Partners.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Partner changes are audited with before/after, never with a secret; the log is append-only. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class PartnerAuditTest {
  @Inject AgroalDataSource serviceDataSource;

  @Test
  void createReplaceDeleteAreAuditedWithoutSecrets() throws SQLException {
    String first = newSecret();
    String second = newSecret();
    String name = uniqueName("Audited");
    String id = createdId(body(name, first));
    Map<String, Object> renamed = body(name + " Renamed", second);
    as(ADMIN).body(renamed).put(PATH + "/" + id).then().statusCode(200);
    as(ADMIN).delete(PATH + "/" + id).then().statusCode(204);

    List<Map<String, Object>> entries = ofPartner(id);
    assertThat(entries)
        .extracting(e -> e.get("action"))
        .containsExactly("partner.created", "partner.replaced", "partner.deleted");
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.get("kind")).isEqualTo("partner");
              assertThat(((Map<?, ?>) e.get("actor")).get("name")).isEqualTo("admin@cordon.test");
            });
    Map<?, ?> replaced = entries.get(1);
    assertThat(((Map<?, ?>) replaced.get("before")).get("name")).isEqualTo(name);
    assertThat(((Map<?, ?>) replaced.get("after")).get("name")).isEqualTo(name + " Renamed");
    assertThat(((Map<?, ?>) replaced.get("after")).get("webhookHost")).isEqualTo("8.8.8.8");

    for (String secret : List.of(first, second)) {
      SecretTraces.assertDatabaseHoldsNoTraceOf(secret);
      assertThat(as(VIEWER).get("/api/v1/audit?limit=1000").asString())
          .doesNotContain(SecretTraces.forms(secret));
    }
  }

  @Test
  void serviceDatasourceCannotRewriteHistory() throws SQLException {
    createdId(body(uniqueName("Guarded"), newSecret()));
    try (Connection connection = serviceDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set result = 'x'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> statement.executeUpdate("delete from audit_entry"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(as(VIEWER).get("/api/v1/audit/verify").jsonPath().getBoolean("ok")).isTrue();
  }

  private static List<Map<String, Object>> ofPartner(String id) {
    JsonPath all =
        as(VIEWER).get("/api/v1/audit?limit=1000").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> items = all.getList("items");
    return items.stream().filter(e -> id.equals(e.get("subject"))).toList();
  }
}
