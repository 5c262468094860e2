package io.cordon.playbook.service;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.playbook.config.PlaybookConfig;
import io.cordon.playbook.mapping.VersionRows;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.PlaybookSummary;
import io.cordon.playbook.model.PlaybookVersionSummary;
import io.cordon.playbook.repository.PlaybookStore;
import io.cordon.playbook.repository.PlaybookVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reads playbooks: the latest version by default, any stored version on request. */
@ApplicationScoped
public class PlaybookCatalog {
  @Inject PlaybookStore store;
  @Inject PlaybookConfig config;

  public Page<PlaybookSummary> list(PageRequest page) {
    List<PlaybookVersionEntity> rows = store.latestVersions(page.after(), page.limit() + 1);
    List<PlaybookSummary> items =
        rows.stream()
            .limit(page.limit())
            .map(row -> VersionRows.summary(row, config.defaultPlaybook()))
            .toList();
    String next =
        rows.size() > page.limit() ? PageRequest.encode(items.get(items.size() - 1).name()) : null;
    return new Page<>(items, next);
  }

  /** The latest version when {@code version} is null. */
  public Playbook get(String name, Integer version) {
    if (version == null) {
      return store
          .latest(name)
          .map(VersionRows::playbook)
          .orElseThrow(() -> ProblemException.notFound("Playbook " + name));
    }
    return store
        .version(name, version)
        .map(VersionRows::playbook)
        .orElseThrow(() -> ProblemException.notFound("Playbook " + name + " version " + version));
  }

  /** A playbook's versions, newest first. */
  public Page<PlaybookVersionSummary> versions(String name, PageRequest page) {
    if (!store.exists(name)) {
      throw ProblemException.notFound("Playbook " + name);
    }
    Integer before = page.after() == null ? null : page.afterPosition();
    List<PlaybookVersionEntity> rows = store.versions(name, before, page.limit() + 1);
    List<PlaybookVersionSummary> items =
        rows.stream().limit(page.limit()).map(VersionRows::versionSummary).toList();
    String next =
        rows.size() > page.limit()
            ? PageRequest.encode(Integer.toString(items.get(items.size() - 1).version()))
            : null;
    return new Page<>(items, next);
  }

  /** The playbook runs use when their report names none ({@code cordon.playbook.default}). */
  public Playbook defaultPlaybook() {
    return get(config.defaultPlaybook(), null);
  }
}
