package io.cordon.playbook.service.run;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.UserType;
import io.cordon.contracts.events.GroupRef;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.Approval;
import io.cordon.playbook.model.Condition;
import io.cordon.playbook.model.DurationSpec;
import io.cordon.playbook.model.OnTimeout;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.model.StepScope;
import java.util.List;
import java.util.Map;

/** Accounts and steps for the rule tests. */
final class Facts {
  static final AccountFacts MEMBER =
      new AccountFacts(
          "o-1",
          "ann@jaxa.example",
          "t-jaxa",
          UserType.MEMBER,
          false,
          List.of(),
          List.of(new GroupRef("g-h3", "Project H3 Team")));
  static final AccountFacts SYNCED_ADMIN =
      new AccountFacts(
          "o-2",
          "ben@jaxa.example",
          "t-jaxa",
          UserType.MEMBER,
          true,
          List.of("Global Administrator"),
          List.of());
  static final AccountFacts GUEST =
      new AccountFacts(
          "o-3", "cy@toyota.example", "t-toyota", UserType.GUEST, false, List.of(), List.of());

  private Facts() {}

  static Step step(String id, ActionType action) {
    return new Step(id, action, null, null, null, null, null, false, Map.of());
  }

  static Step when(String id, ActionType action, Condition when) {
    return new Step(id, action, null, when, null, null, null, false, Map.of());
  }

  static Step approved(String id, ActionType action) {
    return new Step(
        id,
        action,
        null,
        null,
        new Approval("approver", DurationSpec.parse("1h"), OnTimeout.FAIL),
        null,
        null,
        false,
        Map.of());
  }

  static Step runScope(String id, ActionType action) {
    return new Step(id, action, StepScope.RUN, null, null, null, null, false, Map.of());
  }

  static Step failing(String id, boolean continueOnFailure) {
    return new Step(
        id, ActionType.REVOKE_SESSIONS, null, null, null, null, null, continueOnFailure, Map.of());
  }

  static Condition privileged(boolean value) {
    return new Condition(value, null, null, null, null);
  }
}
