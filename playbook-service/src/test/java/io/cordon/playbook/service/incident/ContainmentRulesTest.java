package io.cordon.playbook.service.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.EvidenceDisposition;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.service.incident.ContainmentRules.Holding;
import io.cordon.playbook.service.incident.ContainmentRules.StepOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainmentRulesTest {
  private static final Instant CONTAINED_AT = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void anAccountsStateFollowsItsSteps() {
    assertThat(
            ContainmentRules.deriveState(List.of(ExecutionState.SUCCEEDED, ExecutionState.PENDING)))
        .isEqualTo(ContainmentState.IN_PROGRESS);
    assertThat(
            ContainmentRules.deriveState(List.of(ExecutionState.SUCCEEDED, ExecutionState.SKIPPED)))
        .isEqualTo(ContainmentState.CONTAINED);
    assertThat(
            ContainmentRules.deriveState(
                List.of(ExecutionState.FAILED, ExecutionState.REQUIRES_MANUAL)))
        .isEqualTo(ContainmentState.REQUIRES_MANUAL);
    assertThat(
            ContainmentRules.deriveState(List.of(ExecutionState.SUCCEEDED, ExecutionState.FAILED)))
        .isEqualTo(ContainmentState.PARTIAL);
    assertThat(
            ContainmentRules.deriveState(
                List.of(ExecutionState.SUCCEEDED, ExecutionState.CANCELLED)))
        .isEqualTo(ContainmentState.PARTIAL);
    assertThat(ContainmentRules.deriveState(List.of(ExecutionState.CANCELLED)))
        .isEqualTo(ContainmentState.UNCONTAINED);
  }

  @Test
  void persistenceLeftForAPersonIsFollowUpWorkOfAContainedAccount() {
    ContainmentRules.Derived derived =
        ContainmentRules.derive(
            List.of(
                new StepOutcome("REVOKE_SESSIONS", ExecutionState.SUCCEEDED),
                new StepOutcome("RESET_PASSWORD", ExecutionState.SUCCEEDED),
                new StepOutcome("REMOVE_MFA_METHODS", ExecutionState.REQUIRES_MANUAL),
                new StepOutcome("REMOVE_PRIVILEGED_ROLES", ExecutionState.FAILED),
                new StepOutcome("DISABLE_DEVICES", ExecutionState.SUCCEEDED)));

    assertThat(derived.state()).isEqualTo(ContainmentState.CONTAINED);
    assertThat(derived.reasonCode()).isEqualTo("LEFT_FOR_MANUAL");
  }

  @Test
  void aCleanUpAwaitingItsApproverDoesNotHoldTheContainment() {
    ContainmentRules.Derived derived =
        ContainmentRules.derive(
            List.of(
                new StepOutcome("REVOKE_SESSIONS", ExecutionState.SUCCEEDED),
                new StepOutcome("RESET_PASSWORD", ExecutionState.SUCCEEDED),
                new StepOutcome("REMOVE_MAIL_RULES", ExecutionState.SUCCEEDED),
                new StepOutcome("REMOVE_APP_CREDENTIALS", ExecutionState.WAITING_APPROVAL)));

    assertThat(derived.state()).isEqualTo(ContainmentState.CONTAINED);
    assertThat(derived.reasonCode()).isEqualTo("CLEANUP_IN_PROGRESS");
  }

  @Test
  void aCleanCleanUpLeavesNoFollowUp() {
    ContainmentRules.Derived derived =
        ContainmentRules.derive(
            List.of(
                new StepOutcome("REVOKE_SESSIONS", ExecutionState.SUCCEEDED),
                new StepOutcome("REMOVE_MAIL_RULES", ExecutionState.SUCCEEDED),
                new StepOutcome("REMOVE_APP_CREDENTIALS", ExecutionState.SKIPPED)));

    assertThat(derived.state()).isEqualTo(ContainmentState.CONTAINED);
    assertThat(derived.reasonCode()).isNull();
  }

  @Test
  void aContainmentStepLeftForAPersonStillIsNotContained() {
    ContainmentRules.Derived derived =
        ContainmentRules.derive(
            List.of(
                new StepOutcome("REVOKE_SESSIONS", ExecutionState.SUCCEEDED),
                new StepOutcome("RESET_PASSWORD", ExecutionState.REQUIRES_MANUAL),
                new StepOutcome("REMOVE_MAIL_RULES", ExecutionState.SUCCEEDED)));

    assertThat(derived.state()).isEqualTo(ContainmentState.REQUIRES_MANUAL);
    assertThat(derived.reasonCode()).isNull();
  }

  @Test
  void theAccountIsInProgressUntilItsContainingStepsEnded() {
    ContainmentRules.Derived derived =
        ContainmentRules.derive(
            List.of(
                new StepOutcome("REMOVE_MFA_METHODS", ExecutionState.REQUIRES_MANUAL),
                new StepOutcome("DISABLE_ACCOUNT", ExecutionState.WAITING_APPROVAL)));

    assertThat(derived.state()).isEqualTo(ContainmentState.IN_PROGRESS);
    assertThat(derived.reasonCode()).isNull();
  }

  @Test
  void aPlaybookOfCleanUpAloneIsDecidedByIt() {
    assertThat(
            ContainmentRules.derive(
                    List.of(new StepOutcome("REMOVE_MAIL_RULES", ExecutionState.REQUIRES_MANUAL)))
                .state())
        .isEqualTo(ContainmentState.REQUIRES_MANUAL);
  }

  @Test
  void anAccountNobodyHoldsIsContained() {
    assertThat(ContainmentRules.decide(List.of(), null).disposition())
        .isEqualTo(EvidenceDisposition.CONTAINING);
    assertThat(
            ContainmentRules.decide(
                    List.of(new Holding("INC-1", ContainmentState.UNCONTAINED, null)), null)
                .disposition())
        .isEqualTo(EvidenceDisposition.CONTAINING);
  }

  @Test
  void evidenceDuringAContainmentIsAttachedWhateverItsTime() {
    ContainmentRules.Decision decision =
        ContainmentRules.decide(
            List.of(new Holding("INC-1", ContainmentState.IN_PROGRESS, null)),
            CONTAINED_AT.plusSeconds(3600));

    assertThat(decision.disposition()).isEqualTo(EvidenceDisposition.ATTACHED);
    assertThat(decision.incidentId()).isEqualTo("INC-1");
  }

  @Test
  void onlyActivityAfterTheContainmentContainsAgain() {
    List<Holding> contained =
        List.of(new Holding("INC-1", ContainmentState.CONTAINED, CONTAINED_AT));

    assertThat(ContainmentRules.decide(contained, null).disposition())
        .isEqualTo(EvidenceDisposition.ATTACHED);
    assertThat(ContainmentRules.decide(contained, CONTAINED_AT.minusSeconds(1)).disposition())
        .isEqualTo(EvidenceDisposition.ATTACHED);
    assertThat(ContainmentRules.decide(contained, CONTAINED_AT).disposition())
        .isEqualTo(EvidenceDisposition.ATTACHED);
    assertThat(ContainmentRules.decide(contained, CONTAINED_AT.plusSeconds(1)).disposition())
        .isEqualTo(EvidenceDisposition.RECONTAINING);
  }

  @Test
  void theLatestContainmentAcrossIncidentsCounts() {
    List<Holding> holdings =
        List.of(
            new Holding("INC-1", ContainmentState.CONTAINED, CONTAINED_AT),
            new Holding("INC-2", ContainmentState.PARTIAL, CONTAINED_AT.plusSeconds(600)));

    ContainmentRules.Decision decision =
        ContainmentRules.decide(holdings, CONTAINED_AT.plusSeconds(300));

    assertThat(decision.disposition()).isEqualTo(EvidenceDisposition.ATTACHED);
    assertThat(decision.incidentId()).isEqualTo("INC-2");
  }
}
