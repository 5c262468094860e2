package io.cordon.playbook.service.run;

import io.cordon.playbook.mapping.AccountRows;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.RunAccountStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The accounts of a run a {@code scope: run} step covers: those its {@code when} admits. */
@ApplicationScoped
class StepCoverage {
  @Inject RunAccountStore accounts;

  List<AccountFacts> covered(RunContext context, Step step) {
    return accounts.all(context.run().id).stream()
        .map(AccountRows::facts)
        .filter(account -> Conditions.matches(step.when(), account))
        .toList();
  }
}
