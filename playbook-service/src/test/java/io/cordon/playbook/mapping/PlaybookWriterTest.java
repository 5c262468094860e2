package io.cordon.playbook.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.playbook.model.DocumentFormat;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.StepScope;
import org.junit.jupiter.api.Test;

class PlaybookWriterTest {

  private static Playbook read(String text, DocumentFormat format) throws Exception {
    return PlaybookReader.fromValidated(PlaybookParser.parse(text, format));
  }

  @Test
  void defaultsAreFilledInAndTheUploadedVersionDropped() throws Exception {
    Playbook playbook =
        read(
            "name: p\nversion: 9\nsteps:\n  - {id: a, action: REVOKE_SESSIONS, retry: {maxAttempts:"
                + " 2}}\n",
            DocumentFormat.YAML);

    assertThat(playbook.version()).isNull();
    assertThat(playbook.steps().get(0).scope()).isEqualTo(StepScope.ACCOUNT);
    assertThat(playbook.steps().get(0).continueOnFailure()).isFalse();
    assertThat(playbook.steps().get(0).retry().backoff().initial().text()).isEqualTo("30s");
    assertThat(playbook.steps().get(0).retry().backoff().multiplier()).isEqualTo(2.0);
  }

  @Test
  void equalContentHasEqualCanonicalFormWhateverTheSpelling() throws Exception {
    Playbook yaml =
        read(
            """
            name: p
            steps:
              - id: a
                action: RESET_PASSWORD
                parameters: {b: 2, a: true}
            """,
            DocumentFormat.YAML);
    Playbook json =
        read(
            """
            {"steps": [{"parameters": {"a": "true", "b": "2"}, "scope": "account",
                        "continueOnFailure": false, "action": "RESET_PASSWORD", "id": "a"}],
             "name": "p", "version": 3}
            """,
            DocumentFormat.JSON);

    assertThat(PlaybookWriter.canonical(yaml)).isEqualTo(PlaybookWriter.canonical(json));
    assertThat(ContentHash.sha256(PlaybookWriter.canonical(yaml)))
        .isEqualTo(ContentHash.sha256(PlaybookWriter.canonical(json)))
        .hasSize(64);
  }

  @Test
  void aChangeOfContentChangesTheHash() throws Exception {
    Playbook before =
        read("name: p\nsteps: [{id: a, action: RESET_PASSWORD}]\n", DocumentFormat.YAML);
    Playbook after =
        read(
            "name: p\nsteps: [{id: a, action: RESET_PASSWORD, continueOnFailure: true}]\n",
            DocumentFormat.YAML);

    assertThat(ContentHash.sha256(PlaybookWriter.canonical(before)))
        .isNotEqualTo(ContentHash.sha256(PlaybookWriter.canonical(after)));
  }

  @Test
  void yamlAndJsonOutputReadBackToTheSamePlaybook() throws Exception {
    Playbook original =
        read(
            """
            name: round-trip
            description: "yes: quoted where YAML needs it"
            steps:
              - id: a
                action: DISABLE_ACCOUNT
                when: {privileged: true, tenant: "1234", groups: ["007", "true"]}
                approval: {role: approver, timeout: 1h, onTimeout: fail}
                timeout: PT15M
                parameters: {code: "0123", flag: "no"}
              - {id: b, action: NOTIFY_PARTNERS, scope: run}
            """,
            DocumentFormat.YAML);
    Playbook stored = original.withVersion(4);

    String yaml = PlaybookWriter.write(stored, DocumentFormat.YAML);
    String json = PlaybookWriter.write(stored, DocumentFormat.JSON);

    assertThat(yaml).startsWith("name: round-trip\n").contains("version: 4", "timeout: PT15M");
    assertThat(read(yaml, DocumentFormat.YAML)).isEqualTo(original);
    assertThat(read(json, DocumentFormat.JSON)).isEqualTo(original);
    assertThat(PlaybookReader.fromStored(PlaybookWriter.canonical(stored), 4)).isEqualTo(stored);
  }
}
