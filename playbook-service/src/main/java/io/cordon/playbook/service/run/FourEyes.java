package io.cordon.playbook.service.run;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.playbook.repository.ApprovalEntity;
import io.cordon.playbook.repository.RunEntity;

/**
 * Who may decide an approval (docs/security.md "Four eyes"): a person (not an application acting as
 * itself) holding the approval's role, who is not the one who started the run. People are told
 * apart by their unchangeable identity ({@code tid}+{@code oid}, or {@code iss}+{@code sub}), never
 * by a name, which can be changed or shared.
 */
final class FourEyes {
  private FourEyes() {}

  static void check(RunEntity run, ApprovalEntity approval, Decider decider) {
    if (!decider.hasRole().test(approval.role)) {
      throw forbidden(
          "Approval " + approval.id + " must be decided by a principal with role " + approval.role);
    }
    if (decider.applicationReason() != null) {
      throw forbidden(
          "Approval "
              + approval.id
              + " needs a person: this token is an application's own ("
              + decider.applicationReason()
              + "); an application may hold the role "
              + approval.role
              + " but cannot answer for a decision");
    }
    PrincipalRef who = decider.who();
    if (who.id() == null) {
      throw forbidden(
          "Four eyes cannot tell who decides: the token names neither tid and oid nor iss and"
              + " sub");
    }
    if (startedTheRun(run, who)) {
      throw forbidden(
          "Four eyes: "
              + who.name()
              + " started run "
              + run.id
              + " and cannot decide its steps; another person with role "
              + approval.role
              + " must decide");
    }
  }

  // a run from before identities were recorded knows only its starter's name
  private static boolean startedTheRun(RunEntity run, PrincipalRef who) {
    return run.startedById != null
        ? run.startedById.equals(who.id())
        : run.startedBy.equalsIgnoreCase(who.name());
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }
}
