package io.cordon.playbook.service;

import static io.cordon.playbook.service.Documents.fields;
import static io.cordon.playbook.service.Documents.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaybookValidatorTest {

  static final String FULL =
      """
      $schema: ./playbook.v1.schema.json
      name: full-featured
      description: Every field there is.
      version: 7
      steps:
        - id: revoke
          action: REVOKE_SESSIONS
          scope: account
          when:
            privileged: false
            synced: false
            guest: false
            groups: [6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f, Project Hayabusa]
            tenant: jaxa.example
          retry:
            maxAttempts: 5
            backoff: {initial: 500ms, max: PT10M, multiplier: 1.5}
          timeout: 15m
          continueOnFailure: true
          parameters:
            reason: compromise
            attempts: 3
            notifyUser: false
        - id: confirm
          action: CONFIRM_COMPROMISED
          scope: run
          when: {tenant: [jaxa.example, partner.example]}
        - id: disable
          action: DISABLE_ACCOUNT
          approval: {role: approver, timeout: P1D, onTimeout: approve}
        - id: notify
          action: NOTIFY_PARTNERS
          scope: run
      """;

  @Test
  void aPlaybookUsingEveryFieldIsValid() {
    assertThat(violations(FULL)).isEmpty();
  }

  @Test
  void theShippedPlaybooksAreValid() {
    for (String name : BuiltInPlaybooks.NAMES) {
      assertThat(violations(BuiltInPlaybooks.shipped(name))).as(name).isEmpty();
    }
  }

  @Test
  void aWrongOnTimeoutNamesTheStepAndField() {
    String yaml =
        """
        name: contain
        steps:
          - {id: revoke, action: REVOKE_SESSIONS}
          - {id: confirm, action: CONFIRM_COMPROMISED}
          - id: reset-password
            action: RESET_PASSWORD
            approval: {role: approver, timeout: 30m, onTimeout: wait}
        """;

    assertThat(violations(yaml))
        .containsExactly(
            "steps[2] (reset-password).approval.onTimeout: must be one of skip, fail, approve");
    assertThat(fields(yaml)).containsExactly("steps[2].approval.onTimeout");
  }

  @Test
  void anUnknownActionIsRefusedWithASuggestion() {
    assertThat(
            violations(
                """
                name: typo
                steps:
                  - {id: revoke, action: REVOKE_SESION}
                """))
        .singleElement()
        .asString()
        .startsWith(
            "steps[0] (revoke).action: unknown action REVOKE_SESION (did you mean"
                + " REVOKE_SESSIONS?); must be one of REVOKE_SESSIONS, RESET_PASSWORD,")
        .endsWith("NOTIFY_PARTNERS, REMOVE_APP_CREDENTIALS, REMOVE_APP_CONSENTS, DISABLE_DEVICES");
  }

  @Test
  void duplicateStepIdsAreRefused() {
    assertThat(
            violations(
                """
                name: twice
                steps:
                  - {id: revoke, action: REVOKE_SESSIONS}
                  - {id: reset, action: RESET_PASSWORD}
                  - {id: revoke, action: REVOKE_SESSIONS}
                """))
        .containsExactly(
            "steps[2] (revoke).id: duplicate step id revoke; steps[0] already uses it");
  }

  @Test
  void runScopeIsOnlyForRunLevelActions() {
    assertThat(
            violations(
                """
                name: scopes
                steps:
                  - {id: reset, action: RESET_PASSWORD, scope: run}
                  - {id: confirm-each, action: CONFIRM_COMPROMISED, scope: account}
                  - {id: confirm-all, action: CONFIRM_COMPROMISED, scope: run}
                  - {id: notify, action: NOTIFY_PARTNERS, scope: run}
                """))
        .containsExactly(
            "steps[0] (reset).scope: run is only for run-level actions (CONFIRM_COMPROMISED,"
                + " NOTIFY_PARTNERS); RESET_PASSWORD runs per account");
  }

  @Test
  void notifyPartnersMustSayItRunsOncePerRun() {
    assertThat(
            violations(
                """
                name: notify
                steps:
                  - {id: notify-default, action: NOTIFY_PARTNERS}
                  - {id: notify-each, action: NOTIFY_PARTNERS, scope: account}
                """))
        .containsExactly(
            "steps[0] (notify-default).scope: is required: NOTIFY_PARTNERS runs once per run, set"
                + " scope: run",
            "steps[1] (notify-each).scope: NOTIFY_PARTNERS runs once per run, set scope: run");
  }

  @Test
  void missingFieldsAreNamed() {
    assertThat(violations("description: nothing else\n"))
        .containsExactly("name: is required", "steps: is required");
    assertThat(
            violations(
                """
                name: gaps
                steps:
                  - action: REVOKE_SESSIONS
                  - id: reset
                  - id: disable
                    action: DISABLE_ACCOUNT
                    approval: {role: approver}
                  - id: retry
                    action: REVOKE_OAUTH_GRANTS
                    retry: {backoff: {initial: 1s}}
                """))
        .containsExactly(
            "steps[0].id: is required",
            "steps[1] (reset).action: is required",
            "steps[2] (disable).approval.timeout: is required",
            "steps[2] (disable).approval.onTimeout: is required",
            "steps[3] (retry).retry.maxAttempts: is required",
            "steps[3] (retry).retry.backoff.max: is required");
  }

  @Test
  void unknownFieldsAreRefusedWithASuggestion() {
    assertThat(
            violations(
                """
                name: typos
                owner: soc
                steps:
                  - {id: revoke, action: REVOKE_SESSIONS, continueOnFailur: true}
                """))
        .containsExactly(
            "owner: unknown field; allowed here: name, description, version, steps",
            "steps[0] (revoke).continueOnFailur: unknown field; did you mean continueOnFailure?"
                + " allowed here: id, action, scope, when, approval, retry, timeout,"
                + " continueOnFailure, parameters, onMissingPermission, waitForDelivery");
  }

  @Test
  void wrongTypesAreNamed() {
    assertThat(violations("name: 42\nsteps: revoke\n"))
        .containsExactly("name: must be a string", "steps: must be a list");
    assertThat(
            violations(
                """
                name: types
                steps:
                  - revoke
                  - id: reset
                    action: RESET_PASSWORD
                    continueOnFailure: "yes"
                    retry: {maxAttempts: 2.5}
                    when: {privileged: 1, groups: admins}
                """))
        .containsExactly(
            "steps[0]: must be a mapping (object) with at least id and action",
            "steps[1] (reset).when.privileged: must be true or false",
            "steps[1] (reset).when.groups: must be a list",
            "steps[1] (reset).retry.maxAttempts: must be a whole number",
            "steps[1] (reset).continueOnFailure: must be true or false");
  }

  @Test
  void limitsAreEnforced() {
    String tooMany =
        IntStream.range(0, 51)
            .mapToObj(i -> "  - {id: s" + i + ", action: REVOKE_SESSIONS}")
            .collect(Collectors.joining("\n", "name: long\nsteps:\n", "\n"));
    assertThat(violations(tooMany)).containsExactly("steps: must list at most 50 steps");
    assertThat(violations("name: empty\nsteps: []\n"))
        .containsExactly("steps: must list at least one step");
    assertThat(
            violations(
                """
                name: bounds
                version: 0
                steps:
                  - {id: revoke, action: REVOKE_SESSIONS, retry: {maxAttempts: 11}}
                  - {id: reset, action: RESET_PASSWORD, retry: {maxAttempts: 0}}
                """))
        .containsExactly(
            "version: must be between 1 and 2147483647",
            "steps[0] (revoke).retry.maxAttempts: must be between 1 and 10",
            "steps[1] (reset).retry.maxAttempts: must be between 1 and 10");
  }

  @Test
  void namesAndStepIdsAreLowercaseKebabCase() {
    assertThat(
            violations(
                """
                name: Contain_Account
                steps:
                  - {id: Reset Password, action: RESET_PASSWORD}
                  - {id: -revoke, action: REVOKE_SESSIONS}
                """))
        .containsExactly(
            "name: must be 1-64 lowercase letters, digits or '-', starting and ending with a"
                + " letter or digit",
            "steps[0] (Reset Password).id: must be 1-64 lowercase letters, digits or '-',"
                + " starting and ending with a letter or digit",
            "steps[1] (-revoke).id: must be 1-64 lowercase letters, digits or '-', starting and"
                + " ending with a letter or digit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"30s", "15m", "2h", "1d", "1500ms", "PT15M", "PT1H30M", "P1D", "PT1.5S"})
  void durationsMayBeShortOrIso(String timeout) {
    assertThat(violations(oneStep("timeout: " + timeout))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "'30'", "30 minutes", "1h30m", "PT", "P1DT", "-5m", "pt15m", "P1W"})
  void otherDurationSpellingsAreRefused(String timeout) {
    assertThat(violations(oneStep("timeout: " + timeout)))
        .containsExactly(
            "steps[0] (only).timeout: must be a duration such as 30s, 15m, 2h, 1d or ISO-8601"
                + " PT15M (a number and one unit)");
  }

  @Test
  void durationsMustFitTheirField() {
    assertThat(
            violations(
                """
                name: bounds
                steps:
                  - id: disable
                    action: DISABLE_ACCOUNT
                    timeout: 0s
                    approval: {role: approver, timeout: 30s, onTimeout: skip}
                    retry: {maxAttempts: 3, backoff: {initial: 10m, max: 1m}}
                  - {id: revoke, action: REVOKE_SESSIONS, timeout: 2d}
                """))
        .containsExactly(
            "steps[0] (disable).approval.timeout: must be between 1m and 7d",
            "steps[0] (disable).retry.backoff.max: must not be shorter than initial",
            "steps[0] (disable).timeout: must be between 1s and 24h",
            "steps[1] (revoke).timeout: must be between 1s and 24h");
  }

  @Test
  void onlyANotifyStepWaitsForDeliveryAndNotLongerThanADay() {
    assertThat(
            violations(
                """
                name: waits
                steps:
                  - {id: revoke, action: REVOKE_SESSIONS, waitForDelivery: 5m}
                  - {id: notify, action: NOTIFY_PARTNERS, scope: run, waitForDelivery: 2d}
                  - {id: again, action: NOTIFY_PARTNERS, scope: run, waitForDelivery: soon}
                  - {id: fine, action: NOTIFY_PARTNERS, scope: run, waitForDelivery: 0s}
                """))
        .containsExactly(
            "steps[0] (revoke).waitForDelivery: only a NOTIFY_PARTNERS step waits for delivery",
            "steps[1] (notify).waitForDelivery: must be between 0s and 24h",
            "steps[2] (again).waitForDelivery: must be a duration such as 30s, 15m, 2h, 1d or"
                + " ISO-8601 PT15M (a number and one unit)");
  }

  @Test
  void conditionsAndApprovalsAreChecked() {
    assertThat(
            violations(
                """
                name: conditions
                steps:
                  - id: revoke
                    action: REVOKE_SESSIONS
                    when: {}
                  - id: reset
                    action: RESET_PASSWORD
                    when: {groups: [], tenant: 42, department: sales}
                  - id: disable
                    action: DISABLE_ACCOUNT
                    when: {groups: [admins, ""]}
                    approval: {role: viewer, timeout: 1h, onTimeout: skip}
                """))
        .containsExactly(
            "steps[0] (revoke).when: must name at least one condition: privileged, synced, guest,"
                + " groups, tenant",
            "steps[1] (reset).when.department: unknown field; allowed here: privileged, synced,"
                + " guest, groups, tenant",
            "steps[1] (reset).when.groups: must list 1 to 100 values",
            "steps[1] (reset).when.tenant: must be a tenant id or domain, or a list of them (1-256"
                + " characters each)",
            "steps[2] (disable).when.groups[1]: must be a non-empty string of at most 256"
                + " characters",
            "steps[2] (disable).approval.role: must be one of approver, responder, admin");
  }

  @Test
  void parametersAreNamedScalars() {
    assertThat(
            violations(
                oneStep(
                    """
                    parameters:
                        ok: yes-please
                        "bad name": x
                        nested: {a: b}
                    """)))
        .containsExactly(
            "steps[0] (only).parameters.bad name: parameter names start with a letter and hold up"
                + " to 64 letters, digits, '_', '.' or '-'",
            "steps[0] (only).parameters.nested: must be a string (at most 1000 characters), a"
                + " number or true/false");
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    assertThat(
            fields(
                """
                name: many
                steps:
                  - {id: a, action: NOPE}
                  - {id: b, action: RESET_PASSWORD, scope: everywhere}
                  - {id: a, action: REVOKE_SESSIONS, timeout: soon}
                """))
        .containsExactly("steps[0].action", "steps[1].scope", "steps[2].timeout", "steps[2].id");
  }

  @Test
  void aDocumentThatIsNoMappingIsRefused() {
    assertThat(new PlaybookValidator().validate(Documents.yaml("name: x\nsteps: []\n").arrayNode()))
        .extracting(Violation::describe)
        .containsExactly("body: a playbook must be a mapping (object) with name and steps");
  }

  private static String oneStep(String extra) {
    String indented = extra.strip().replace("\n", "\n    ");
    return "name: one\nsteps:\n  - id: only\n    action: REVOKE_SESSIONS\n    " + indented + "\n";
  }
}
