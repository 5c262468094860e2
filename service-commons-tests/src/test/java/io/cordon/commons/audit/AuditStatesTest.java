package io.cordon.commons.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditStatesTest {

  @Test
  void keysNamingSecretsAreRedactedAtEveryDepth() {
    String json =
        AuditStates.write(
            Map.of(
                "name", "Contoso",
                "client_secret", "s3cr3t",
                "webhook", Map.of("url", "https://x.example", "secret", "whsec_abc"),
                "Password", "Pa55word!"));

    assertThat(json)
        .doesNotContain("s3cr3t", "whsec_abc", "Pa55word!")
        .contains("\"name\":\"Contoso\"", "\"url\":\"https://x.example\"");
  }

  @Test
  void keysAreSortedSoTheSameStateIsTheSameText() {
    assertThat(AuditStates.write(Map.of("b", 1, "a", 2))).isEqualTo("{\"a\":2,\"b\":1}");
  }

  @Test
  void aChangedFieldChangesTheHash() {
    AuditRecord entry =
        new AuditRecord(
            1,
            "id",
            java.time.Instant.parse("2026-01-01T00:00:00Z"),
            new AuditActor(AuditActor.Type.SERVICE, "svc", null),
            "run",
            "run.started",
            "r-1",
            null,
            null,
            "inc",
            "r-1",
            null,
            null,
            "OK",
            null,
            "c",
            AuditCanon.GENESIS,
            null);
    AuditRecord edited =
        new AuditRecord(
            1,
            "id",
            entry.at(),
            entry.actor(),
            "run",
            "run.started",
            "r-1",
            null,
            null,
            "inc",
            "r-1",
            null,
            null,
            "FAILED",
            null,
            "c",
            AuditCanon.GENESIS,
            null);
    assertThat(AuditCanon.hash(entry)).isNotEqualTo(AuditCanon.hash(edited)).hasSize(64);
  }
}
