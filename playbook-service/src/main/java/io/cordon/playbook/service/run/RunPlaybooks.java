package io.cordon.playbook.service.run;

import io.cordon.playbook.mapping.VersionRows;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.repository.PlaybookStore;
import io.cordon.playbook.repository.RunEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The playbook version a run keeps. Versions never change once stored, so they are cached for the
 * life of the process.
 */
@ApplicationScoped
public class RunPlaybooks {
  @Inject PlaybookStore store;

  private final ConcurrentMap<String, Playbook> versions = new ConcurrentHashMap<>();

  /** The version the run started with; null for a run refused before it had one. */
  public Playbook of(RunEntity run) {
    return run.playbookVersion == null ? null : version(run.playbookName, run.playbookVersion);
  }

  public Playbook version(String name, int version) {
    return versions.computeIfAbsent(
        name + "@" + version,
        key ->
            store
                .version(name, version)
                .map(VersionRows::playbook)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Playbook " + name + " version " + version + " is gone")));
  }

  /** The version a run starting now gets. */
  public Optional<Playbook> latest(String name) {
    return store.latest(name).map(VersionRows::playbook);
  }
}
