package io.cordon.notification.rest;

import static io.cordon.notification.rest.Partners.ADMIN;
import static io.cordon.notification.rest.Partners.PATH;
import static io.cordon.notification.rest.Partners.VIEWER;
import static io.cordon.notification.rest.Partners.as;
import static io.cordon.notification.rest.Partners.body;
import static io.cordon.notification.rest.Partners.create;
import static io.cordon.notification.rest.Partners.newSecret;
import static io.cordon.notification.rest.Partners.uniqueName;
import static io.cordon.notification.rest.Partners.webhookOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.notification.repository.PartnerRepository;
import io.cordon.notification.service.WebhookSecrets;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** DESIGN §4: webhook secrets never appear in responses, logs or the database. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class PartnerSecretStorageTest {

  @Inject PartnerRepository partners;
  @Inject WebhookSecrets webhookSecrets;

  @Test
  void secretIsWriteOnlyAndOnlyCiphertextIsStored() throws SQLException {
    String secret = newSecret();
    Map<String, Object> body = body(uniqueName("Write only"), secret);

    List<Response> responses = new ArrayList<>();
    Response created = create(body);
    created.then().statusCode(201);
    responses.add(created);
    String id = created.path("id");
    responses.add(as(VIEWER).get(PATH + "/" + id));
    responses.add(as(VIEWER).queryParam("limit", 1000).get(PATH));
    Map<String, Object> keep = body(uniqueName("Write only kept"), null);
    webhookOf(keep).remove("secret");
    responses.add(as(ADMIN).body(keep).put(PATH + "/" + id));

    for (Response response : responses) {
      assertThat(response.statusCode()).isEqualTo(200 + (response == created ? 1 : 0));
      assertThat(response.asString()).doesNotContain(SecretTraces.forms(secret));
    }
    assertThat(created.jsonPath().getMap("webhook")).containsOnlyKeys("url", "secretSet");
    SecretTraces.assertDatabaseHoldsNoTraceOf(secret);
    assertThat(storedSecrets(id)).hasSize(1);
    assertThat(storedSecrets(id).get(0).nonce()).hasSize(12);
    // ciphertext of the 32 key bytes plus the 16-byte GCM tag
    assertThat(storedSecrets(id).get(0).ciphertext()).hasSize(32 + 16);
    assertThat(openedSecrets(id)).containsExactly(SecretTraces.keyBytes(secret));
  }

  @Test
  void replacingTheSecretReencryptsAndOmittingItKeepsTheStoredOne() throws SQLException {
    String first = newSecret();
    String id = create(body(uniqueName("Rotating"), first)).then().extract().path("id");
    StoredSecret original = storedSecrets(id).get(0);

    Map<String, Object> keep = body(uniqueName("Rotating kept"), null);
    webhookOf(keep).remove("secret");
    as(ADMIN).body(keep).put(PATH + "/" + id).then().statusCode(200);
    assertThat(storedSecrets(id)).containsExactly(original);

    String second = newSecret();
    as(ADMIN).body(body(uniqueName("Rotated"), second)).put(PATH + "/" + id).then().statusCode(200);
    List<StoredSecret> replaced = storedSecrets(id);
    assertThat(replaced).hasSize(1);
    assertThat(replaced.get(0).ciphertext()).isNotEqualTo(original.ciphertext());
    assertThat(openedSecrets(id)).containsExactly(SecretTraces.keyBytes(second));
    SecretTraces.assertDatabaseHoldsNoTraceOf(first);
    SecretTraces.assertDatabaseHoldsNoTraceOf(second);
  }

  @Test
  void removingTheWebhookDeletesItsSecrets() throws SQLException {
    String id = create(body(uniqueName("Unhooked"), newSecret())).then().extract().path("id");
    Map<String, Object> emailOnly = body(uniqueName("Unhooked email"), null);
    emailOnly.remove("webhook");

    as(ADMIN)
        .body(emailOnly)
        .put(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("webhook", org.hamcrest.Matchers.nullValue());
    assertThat(storedSecrets(id)).isEmpty();
  }

  @Test
  void deletingThePartnerDeletesItsSecrets() throws SQLException {
    String id = create(body(uniqueName("Deleted"), newSecret())).then().extract().path("id");
    assertThat(storedSecrets(id)).hasSize(1);

    as(ADMIN).delete(PATH + "/" + id).then().statusCode(204);

    assertThat(storedSecrets(id)).isEmpty();
  }

  @Test
  void secretsNeverReachTheLog() {
    List<String> logged = new ArrayList<>();
    Handler capture = new SecretTraces.CapturingHandler(logged);
    Logger root = Logger.getLogger("");
    Logger cordon = Logger.getLogger("io.cordon");
    Level cordonLevel = cordon.getLevel();
    cordon.setLevel(Level.FINE);
    root.addHandler(capture);
    String name = uniqueName("Logged");
    String accepted = newSecret();
    String refusedTarget = newSecret();
    String tooShort = newSecret(20);
    String duplicate = newSecret();
    try {
      org.jboss.logging.Logger.getLogger("io.cordon.notification").debug("capture canary");
      create(body(name, accepted)).then().statusCode(201);
      Map<String, Object> privateTarget = body(uniqueName("Logged private"), refusedTarget);
      webhookOf(privateTarget).put("url", "https://127.0.0.1/hook");
      create(privateTarget).then().statusCode(422);
      create(body(uniqueName("Logged short"), tooShort)).then().statusCode(400);
      create(body(name, duplicate)).then().statusCode(409);
    } finally {
      root.removeHandler(capture);
      cordon.setLevel(cordonLevel);
    }

    assertThat(logged).anyMatch(line -> line.contains("capture canary"));
    for (String secret : List.of(accepted, refusedTarget, tooShort, duplicate)) {
      assertThat(String.join("\n", logged)).doesNotContain(SecretTraces.forms(secret));
    }
  }

  private record StoredSecret(UUID id, byte[] nonce, byte[] ciphertext) {
    @Override
    public boolean equals(Object other) {
      return other instanceof StoredSecret s
          && s.id.equals(id)
          && java.util.Arrays.equals(s.nonce, nonce)
          && java.util.Arrays.equals(s.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  private static List<StoredSecret> storedSecrets(String partnerId) throws SQLException {
    List<StoredSecret> secrets = new ArrayList<>();
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select id, nonce, ciphertext from partner_webhook_secret where partner_id = ?"
                    + " order by created_at")) {
      query.setObject(1, UUID.fromString(partnerId));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          secrets.add(
              new StoredSecret(rows.getObject(1, UUID.class), rows.getBytes(2), rows.getBytes(3)));
        }
      }
    }
    return secrets;
  }

  private List<byte[]> openedSecrets(String partnerId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> webhookSecrets.open(partners.findById(UUID.fromString(partnerId))));
  }
}
