package io.cordon.system;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every drill on the shared reliability stack starts from: the stack, the checks, the incident
 * CSV and the partners it affects; the simulated tenant is back to its seed before each test.
 */
abstract class ReliabilityDrill {
  static RunningStack running;
  static DrillChecks checks;
  static Path csv;
  static Set<String> affected;

  @BeforeAll
  static void stack() throws Exception {
    running = ReliabilityStack.get();
    checks = new DrillChecks(running);
    csv = ReliabilityStack.incidentCsv();
    affected = checks.affectedPartners(csv);
  }

  @BeforeEach
  void freshTenant() throws Exception {
    running.simulator.reset();
  }
}
