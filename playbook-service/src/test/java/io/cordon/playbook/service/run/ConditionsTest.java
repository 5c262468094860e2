package io.cordon.playbook.service.run;

import static io.cordon.playbook.service.run.Facts.GUEST;
import static io.cordon.playbook.service.run.Facts.MEMBER;
import static io.cordon.playbook.service.run.Facts.SYNCED_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.playbook.model.Condition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  @Test
  void aStepWithoutWhenAppliesToEveryone() {
    assertThat(Conditions.matches(null, MEMBER)).isTrue();
    assertThat(Conditions.matches(null, GUEST)).isTrue();
  }

  @Test
  void privilegedSyncedAndGuestTestTheFacts() {
    assertThat(Conditions.matches(new Condition(true, null, null, null, null), SYNCED_ADMIN))
        .isTrue();
    assertThat(Conditions.matches(new Condition(true, null, null, null, null), MEMBER)).isFalse();
    assertThat(Conditions.matches(new Condition(false, null, null, null, null), MEMBER)).isTrue();
    assertThat(Conditions.matches(new Condition(null, true, null, null, null), SYNCED_ADMIN))
        .isTrue();
    assertThat(Conditions.matches(new Condition(null, false, null, null, null), SYNCED_ADMIN))
        .isFalse();
    assertThat(Conditions.matches(new Condition(null, null, true, null, null), GUEST)).isTrue();
    assertThat(Conditions.matches(new Condition(null, null, true, null, null), MEMBER)).isFalse();
  }

  @Test
  void groupsMatchByObjectIdOrDisplayNameIgnoringCase() {
    assertThat(Conditions.matches(groups("G-H3"), MEMBER)).isTrue();
    assertThat(Conditions.matches(groups("project h3 team"), MEMBER)).isTrue();
    assertThat(Conditions.matches(groups("Finance", "g-h3"), MEMBER)).isTrue();
    assertThat(Conditions.matches(groups("Finance"), MEMBER)).isFalse();
    assertThat(Conditions.matches(groups("g-h3"), GUEST)).isFalse();
  }

  @Test
  void tenantMatchesByTenantIdOrTheAccountsDomain() {
    assertThat(Conditions.matches(tenant("t-toyota"), GUEST)).isTrue();
    assertThat(Conditions.matches(tenant("TOYOTA.example"), GUEST)).isTrue();
    assertThat(Conditions.matches(tenant("jaxa.example", "t-other"), MEMBER)).isTrue();
    assertThat(Conditions.matches(tenant("t-toyota"), MEMBER)).isFalse();
  }

  @Test
  void everyGivenConditionMustHold() {
    Condition adminsOfJaxa = new Condition(true, null, null, null, List.of("t-jaxa"));
    assertThat(Conditions.matches(adminsOfJaxa, SYNCED_ADMIN)).isTrue();
    assertThat(Conditions.matches(adminsOfJaxa, MEMBER)).isFalse();
    assertThat(Conditions.matches(new Condition(true, false, null, null, null), SYNCED_ADMIN))
        .isFalse();
  }

  private static Condition groups(String... groups) {
    return new Condition(null, null, null, List.of(groups), null);
  }

  private static Condition tenant(String... tenants) {
    return new Condition(null, null, null, null, List.of(tenants));
  }
}
