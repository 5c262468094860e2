package io.cordon.playbook.service.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.EvidenceDisposition;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.service.incident.ContainmentRules.Holding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainmentRulesTest {
  private static final Instant CONTAINED_AT = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void anAccountsStateFollowsItsSteps() {
    assertThat(ContainmentRules.derive(List.of(ExecutionState.SUCCEEDED, ExecutionState.PENDING)))
        .isEqualTo(ContainmentState.IN_PROGRESS);
    assertThat(ContainmentRules.derive(List.of(ExecutionState.SUCCEEDED, ExecutionState.SKIPPED)))
        .isEqualTo(ContainmentState.CONTAINED);
    assertThat(
            ContainmentRules.derive(List.of(ExecutionState.FAILED, ExecutionState.REQUIRES_MANUAL)))
        .isEqualTo(ContainmentState.REQUIRES_MANUAL);
    assertThat(ContainmentRules.derive(List.of(ExecutionState.SUCCEEDED, ExecutionState.FAILED)))
        .isEqualTo(ContainmentState.PARTIAL);
    assertThat(ContainmentRules.derive(List.of(ExecutionState.SUCCEEDED, ExecutionState.CANCELLED)))
        .isEqualTo(ContainmentState.PARTIAL);
    assertThat(ContainmentRules.derive(List.of(ExecutionState.CANCELLED)))
        .isEqualTo(ContainmentState.UNCONTAINED);
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
