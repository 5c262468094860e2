package io.cordon.playbook.rest;

import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.contracts.RunState;
import io.cordon.contracts.Severity;
import io.cordon.contracts.UserType;
import io.cordon.contracts.events.GroupRef;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.Decision;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Identifiers;
import io.cordon.playbook.service.run.NewRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks run requests and turns them into what the services take; every error names its field. */
final class RunRequests {
  static final int MAX_ERRORS = 100;

  private RunRequests() {}

  static NewRun newRun(StartRunRequest body, int maxAccounts, String principal) {
    if (body == null) {
      throw ProblemException.invalidField("body", "a run needs incidentId and accounts");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    if (body.playbook() != null && !Identifiers.isValid(body.playbook())) {
      errors.add(new Problem.FieldError("playbook", Identifiers.RULE));
    }
    text(errors, "incidentId", body.incidentId(), true, 255);
    text(errors, "incidentTitle", body.incidentTitle(), false, 500);
    Severity severity = severity(errors, body.severity());
    List<AccountFacts> accounts = accounts(errors, body.accounts(), maxAccounts);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new NewRun(
        body.playbook(),
        body.incidentId().strip(),
        body.incidentTitle() == null ? null : body.incidentTitle().strip(),
        severity == null ? null : severity.name(),
        accounts,
        principal);
  }

  static Decision decision(DecisionRequest body) {
    if (body == null || body.decision() == null) {
      throw ProblemException.invalidField("decision", "is required: approve or reject");
    }
    try {
      Decision decision = Decision.fromWire(body.decision());
      if (body.comment() != null && body.comment().length() > 2000) {
        throw ProblemException.invalidField("comment", "must be at most 2000 characters");
      }
      return decision;
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("decision", "must be one of approve, reject");
    }
  }

  static String cancelReason(CancelRequest body) {
    if (body == null || body.reason() == null || body.reason().isBlank()) {
      throw ProblemException.invalidField("reason", "is required: say why the run is cancelled");
    }
    if (body.reason().length() > 1000) {
      throw ProblemException.invalidField("reason", "must be at most 1000 characters");
    }
    return body.reason().strip();
  }

  /** {@code status=RUNNING,waiting_approval}: any of these states; none for every state. */
  static List<RunState> states(String status) {
    if (status == null || status.isBlank()) {
      return List.of();
    }
    List<RunState> states = new ArrayList<>();
    for (String part : status.split(",")) {
      try {
        states.add(RunState.valueOf(part.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "status",
            "must be run states, comma-separated, of " + Arrays.toString(RunState.values()));
      }
    }
    return states;
  }

  /** One or more execution states, comma-separated, any case; empty for none. */
  static Set<ExecutionState> executionStates(String states) {
    if (states == null || states.isBlank()) {
      return Set.of();
    }
    Set<ExecutionState> parsed = EnumSet.noneOf(ExecutionState.class);
    for (String state : states.split(",")) {
      try {
        parsed.add(ExecutionState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "state", "must be one or more of " + Arrays.toString(ExecutionState.values()));
      }
    }
    return parsed;
  }

  private static List<AccountFacts> accounts(
      List<Problem.FieldError> errors, List<StartRunRequest.Account> accounts, int max) {
    if (accounts == null || accounts.isEmpty()) {
      errors.add(new Problem.FieldError("accounts", "is required: at least one account"));
      return List.of();
    }
    if (accounts.size() > max) {
      errors.add(
          new Problem.FieldError(
              "accounts", "at most " + max + " accounts per run, got " + accounts.size()));
      return List.of();
    }
    List<AccountFacts> facts = new ArrayList<>(accounts.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < accounts.size() && errors.size() < MAX_ERRORS; i++) {
      String at = "accounts[" + i + "]";
      StartRunRequest.Account account = accounts.get(i);
      if (account == null) {
        errors.add(new Problem.FieldError(at, "must be an account object"));
        continue;
      }
      int before = errors.size();
      text(errors, at + ".objectId", account.objectId(), true, 255);
      text(errors, at + ".userPrincipalName", account.userPrincipalName(), true, 320);
      text(errors, at + ".tenantId", account.tenantId(), true, 255);
      if (account.userPrincipalName() != null && !hasDomain(account.userPrincipalName())) {
        errors.add(new Problem.FieldError(at + ".userPrincipalName", "must be user@domain"));
      }
      UserType userType = userType(errors, at, account.userType());
      List<String> roles = roles(errors, at, account.privilegedRoles());
      List<GroupRef> groups = groups(errors, at, account.groups());
      if (account.objectId() != null) {
        Integer first = seen.putIfAbsent(account.objectId().strip(), i);
        if (first != null) {
          errors.add(
              new Problem.FieldError(
                  at + ".objectId", "duplicate account; accounts[" + first + "] already has it"));
        }
      }
      if (errors.size() == before) {
        facts.add(
            new AccountFacts(
                account.objectId().strip(),
                account.userPrincipalName().strip(),
                account.tenantId().strip(),
                userType,
                Boolean.TRUE.equals(account.onPremisesSynced()),
                roles,
                groups));
      }
    }
    return facts;
  }

  private static UserType userType(List<Problem.FieldError> errors, String at, String value) {
    if (value == null) {
      return UserType.MEMBER;
    }
    try {
      return UserType.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError(at + ".userType", "must be Member or Guest"));
      return UserType.MEMBER;
    }
  }

  private static List<String> roles(
      List<Problem.FieldError> errors, String at, List<String> roles) {
    if (roles == null) {
      return List.of();
    }
    for (int i = 0; i < roles.size(); i++) {
      if (roles.get(i) == null || roles.get(i).isBlank()) {
        errors.add(new Problem.FieldError(at + ".privilegedRoles[" + i + "]", "must not be blank"));
      }
    }
    return roles.stream()
        .filter(role -> role != null && !role.isBlank())
        .map(String::strip)
        .toList();
  }

  private static List<GroupRef> groups(
      List<Problem.FieldError> errors, String at, List<StartRunRequest.Group> groups) {
    if (groups == null) {
      return List.of();
    }
    List<GroupRef> refs = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      StartRunRequest.Group group = groups.get(i);
      if (group == null || group.id() == null || group.id().isBlank()) {
        errors.add(new Problem.FieldError(at + ".groups[" + i + "].id", "is required"));
        continue;
      }
      String name = group.displayName() == null ? group.id() : group.displayName();
      refs.add(new GroupRef(group.id().strip(), name));
    }
    return refs;
  }

  private static Severity severity(List<Problem.FieldError> errors, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError("severity", "must be one of LOW, MEDIUM, HIGH, CRITICAL"));
      return null;
    }
  }

  private static void text(
      List<Problem.FieldError> errors, String field, String value, boolean required, int max) {
    if (value == null || value.isBlank()) {
      if (required || value != null) {
        errors.add(new Problem.FieldError(field, required ? "is required" : "must not be blank"));
      }
    } else if (value.length() > max) {
      errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static boolean hasDomain(String upn) {
    int at = upn.lastIndexOf('@');
    return at > 0 && at < upn.strip().length() - 1;
  }

  private static ProblemException invalid(List<Problem.FieldError> errors) {
    String detail =
        errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
    return new ProblemException(ProblemType.VALIDATION_FAILED, detail, errors);
  }
}
