package io.cordon.playbook.service;

import java.util.ArrayList;
import java.util.List;

/** Collects violations in the order the validator finds them. */
final class Violations {
  private final List<Violation> found = new ArrayList<>();

  void add(Location at, String reason) {
    found.add(new Violation(at.field(), at.stepId(), reason));
  }

  List<Violation> list() {
    return List.copyOf(found);
  }
}
