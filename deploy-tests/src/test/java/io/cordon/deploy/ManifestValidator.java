package io.cordon.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a rendered overlay: every document parses, required fields are present, labels and
 * selectors agree, every contract topic has a KafkaTopic, each service's KafkaUser grants exactly
 * what its sources use on the bus, every config key production needs is provided, no secret value
 * is inlined, and the overlay's replica and availability promises hold. Returns the problems found,
 * each naming the resource; an empty list means the overlay is sound.
 */
final class ManifestValidator {
  private ManifestValidator() {}

  static List<String> problems(List<Map<String, Object>> resources, Expectations expected) {
    Checks.Manifest manifest =
        new Checks.Manifest(resources, expected, new ArrayList<>(), new LinkedHashMap<>());
    new DocumentChecks(manifest).run();
    if (!manifest.problems().isEmpty()) {
      return manifest.problems(); // the cross-checks below assume well-formed documents
    }
    // WorkloadChecks first: it records the environments the later checks read
    List<Checks> checks =
        List.of(
            new WorkloadChecks(manifest),
            new ConnectionChecks(manifest),
            new DatabaseRoleChecks(manifest),
            new KafkaAclChecks(manifest),
            new ActionSigningChecks(manifest),
            new ServiceChecks(manifest),
            new NetworkChecks(manifest),
            new PlatformChecks(manifest));
    checks.forEach(Checks::run);
    return manifest.problems();
  }
}
