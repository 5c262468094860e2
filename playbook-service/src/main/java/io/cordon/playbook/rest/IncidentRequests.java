package io.cordon.playbook.rest;

import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.IncidentState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks the parameters of the incident endpoints; each refusal names its field. */
final class IncidentRequests {
  private IncidentRequests() {}

  /** An incident id or account key as a path gives it: printable, at most 320 characters. */
  static String key(String name, String raw) {
    if (raw.length() > 320 || raw.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalidField(name, "must be at most 320 printable characters");
    }
    return raw;
  }

  /** {@code state=open,contained}: any of these states; none for every state. */
  static List<IncidentState> states(String state) {
    List<IncidentState> states = new ArrayList<>();
    for (String part : parts(state)) {
      try {
        states.add(IncidentState.valueOf(part));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "state", "must be one or more of " + Arrays.toString(IncidentState.values()));
      }
    }
    return states;
  }

  static Set<ContainmentState> containmentStates(String state) {
    Set<ContainmentState> states = EnumSet.noneOf(ContainmentState.class);
    for (String part : parts(state)) {
      try {
        states.add(ContainmentState.valueOf(part));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "state", "must be one or more of " + Arrays.toString(ContainmentState.values()));
      }
    }
    return states;
  }

  static String closeReason(CloseRequest body) {
    return reason(body == null ? null : body.reason(), "the incident is closed");
  }

  static String releaseReason(ReleaseRequest body) {
    return reason(body == null ? null : body.reason(), "the account is let back in");
  }

  static String recontainReason(RecontainRequest body) {
    return reason(body == null ? null : body.reason(), "the account is contained again");
  }

  // 422, not 400: the body is well-formed JSON, it only lacks what the action needs
  private static String reason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      String why = "is required: say why " + what;
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "reason: " + why,
          List.of(new Problem.FieldError("reason", why)));
    }
    if (reason.length() > 1000) {
      throw ProblemException.invalidField("reason", "must be at most 1000 characters");
    }
    return reason.strip();
  }

  private static List<String> parts(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split(","))
        .map(part -> part.strip().toUpperCase(Locale.ROOT))
        .toList();
  }
}
