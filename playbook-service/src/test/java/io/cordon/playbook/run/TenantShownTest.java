package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.UserType;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Several Entra tenants (issue 26): wherever this service lists accounts — a run's accounts, an
 * incident's accounts, the evidence export — each shows its tenant's directory id and configured
 * name; an account-service that does not send the name yet leaves the id alone.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(RemoteServices.class)
class TenantShownTest {
  private static final String CONTOSO_ID = "0c0c0c0c-0000-4000-8000-00000000c0c0";
  private static final String FABRIKAM_ID = "fabfabfa-0000-4000-8000-00000000fab0";

  @Test
  void runsIncidentsAndTheEvidenceExportShowEachAccountsTenant() {
    String prefix = "tenants-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String incident = "INC-" + prefix;
    String aiko = prefix + "aiko";
    String bruno = prefix + "bruno";
    String older = prefix + "older";
    String runId =
        Runs.start(
            "revoke-only",
            incident,
            List.of(
                account(aiko, "aiko@contoso.example", CONTOSO_ID, "contoso"),
                account(bruno, "bruno@fabrikam.example", FABRIKAM_ID, "fabrikam"),
                // from an account-service that sends no tenant name yet
                account(older, "olga@contoso.example", CONTOSO_ID, null)));
    await().atMost(Duration.ofSeconds(60)).until(() -> Runs.accounts(runId, 10).size() == 3);

    Map<String, Map<String, Object>> run = byObjectId(Runs.accounts(runId, 10));
    assertTenant(run.get(aiko), CONTOSO_ID, "contoso");
    assertTenant(run.get(bruno), FABRIKAM_ID, "fabrikam");
    assertTenant(run.get(older), CONTOSO_ID, null);

    JsonPath incidentAccounts =
        Runs.asViewer()
            .get("/api/v1/incidents/" + incident + "/accounts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Map<String, Object>> held = byObjectId(incidentAccounts.getList("items"));
    assertTenant(held.get(aiko), CONTOSO_ID, "contoso");
    assertTenant(held.get(bruno), FABRIKAM_ID, "fabrikam");
    assertTenant(held.get(older), CONTOSO_ID, null);

    // the steps exist once the run dispatched them; the export lists accounts with steps
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> evidence(incident).getList("runs[0].accounts").size() == 3);
    JsonPath evidence = evidence(incident);
    Map<String, Map<String, Object>> exported = byObjectId(evidence.getList("accounts"));
    assertTenant(exported.get(aiko), CONTOSO_ID, "contoso");
    assertTenant(exported.get(bruno), FABRIKAM_ID, "fabrikam");
    Map<String, Map<String, Object>> exportedRun = byObjectId(evidence.getList("runs[0].accounts"));
    assertTenant(exportedRun.get(bruno), FABRIKAM_ID, "fabrikam");
    assertTenant(exportedRun.get(older), CONTOSO_ID, null);
  }

  private static JsonPath evidence(String incident) {
    return Runs.asViewer()
        .get("/api/v1/incidents/" + incident + "/evidence")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void assertTenant(Map<String, Object> account, String id, String name) {
    assertThat(account).isNotNull();
    assertThat(account.get("tenantId")).as("tenantId of %s", account).isEqualTo(id);
    assertThat(account.get("tenantName")).as("tenantName of %s", account).isEqualTo(name);
  }

  private static Map<String, Map<String, Object>> byObjectId(List<Map<String, Object>> items) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    items.forEach(item -> byId.put((String) item.get("objectId"), item));
    return byId;
  }

  private static ResolvedAccount account(
      String objectId, String upn, String tenantId, String tenantName) {
    return new ResolvedAccount(
        objectId,
        upn,
        tenantId,
        UserType.MEMBER,
        false,
        true,
        List.of(),
        List.of(),
        null,
        null,
        null,
        tenantName);
  }
}
