package io.cordon.playbook.rest;

import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.contracts.RunState;
import io.cordon.contracts.Severity;
import io.cordon.playbook.model.Decision;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Identifiers;
import io.cordon.playbook.service.run.ApproverDecision;
import io.cordon.playbook.service.run.ManualRunRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks run requests and turns them into what the services take; every error names its field. */
final class RunRequests {
  static final int MAX_ERRORS = 100;

  private RunRequests() {}

  static ManualRunRequest manualRun(StartRunRequest body, int maxAccounts) {
    if (body == null) {
      throw ProblemException.invalidField("body", "a run needs incidentId and accounts");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    if (body.playbook() != null && !Identifiers.isValid(body.playbook())) {
      errors.add(new Problem.FieldError("playbook", Identifiers.RULE));
    }
    text(errors, "incidentId", body.incidentId(), true, 200);
    text(errors, "incidentTitle", body.incidentTitle(), false, 500);
    Severity severity = severity(errors, body.severity());
    List<ManualRunRequest.Account> accounts =
        RunAccountEntries.read(errors, body.accounts(), maxAccounts, MAX_ERRORS);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new ManualRunRequest(
        body.playbook(),
        body.incidentId().strip(),
        body.incidentTitle() == null ? null : body.incidentTitle().strip(),
        severity == null ? null : severity.name(),
        accounts);
  }

  static ApproverDecision decision(DecisionRequest body) {
    if (body == null || body.decision() == null) {
      throw ProblemException.invalidField("decision", "is required: approve or reject");
    }
    Decision decision;
    try {
      decision = Decision.fromWire(body.decision());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("decision", "must be one of approve, reject");
    }
    if (body.comment() != null && body.comment().length() > 2000) {
      throw ProblemException.invalidField("comment", "must be at most 2000 characters");
    }
    if (body.accountCount() == null || body.accountCount() < 0) {
      throw ProblemException.invalidField(
          "accountCount",
          "is required: the accountCount of the approval as you reviewed it, so that accounts"
              + " which joined it since are not decided unseen");
    }
    return new ApproverDecision(decision, body.comment(), body.accountCount());
  }

  /** The run ids of ?run= (repeated or comma-separated), each once, in the order given. */
  static List<String> eventStreamRuns(List<String> values, int max) {
    List<String> runIds =
        values == null
            ? List.of()
            : values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
    if (runIds.isEmpty()) {
      throw ProblemException.invalidField("run", "is required: the id of at least one run");
    }
    if (runIds.size() > max) {
      throw ProblemException.invalidField(
          "run", "names " + runIds.size() + " runs; one stream follows at most " + max);
    }
    for (String runId : runIds) {
      if (runId.length() > 100) {
        throw ProblemException.invalidField("run", "a run id is at most 100 characters");
      }
    }
    return runIds;
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

  private static ProblemException invalid(List<Problem.FieldError> errors) {
    String detail =
        errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
    return new ProblemException(ProblemType.VALIDATION_FAILED, detail, errors);
  }
}
