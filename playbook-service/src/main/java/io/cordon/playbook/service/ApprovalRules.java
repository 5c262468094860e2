package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.commons.security.Roles;
import java.util.List;

/** A step's {@code approval}: who approves, how long they have, and what happens after that. */
final class ApprovalRules {
  static final List<String> FIELDS = List.of("role", "timeout", "onTimeout");
  static final List<String> ROLES = List.of(Roles.APPROVER, Roles.RESPONDER, Roles.ADMIN);
  static final List<String> ON_TIMEOUT = List.of("skip", "fail", "approve");
  static final DurationRules TIMEOUT = new DurationRules("1m", "7d");

  private ApprovalRules() {}

  static void check(ObjectNode approval, Location at, Violations violations) {
    Fields fields = new Fields(approval, at, violations, FIELDS);
    fields.oneOf("role", true, ROLES);
    TIMEOUT.check(fields, "timeout", true);
    fields.oneOf("onTimeout", true, ON_TIMEOUT);
  }
}
