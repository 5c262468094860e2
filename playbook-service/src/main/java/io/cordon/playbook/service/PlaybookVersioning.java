package io.cordon.playbook.service;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.playbook.mapping.ContentHash;
import io.cordon.playbook.mapping.PlaybookWriter;
import io.cordon.playbook.mapping.VersionRows;
import io.cordon.playbook.model.Origin;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.repository.PlaybookEntity;
import io.cordon.playbook.repository.PlaybookStore;
import io.cordon.playbook.repository.PlaybookVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Stores playbooks as versions: a new version whenever the content differs from the latest one,
 * none when it is equal. Writers of one name are serialised by a row lock, so concurrent equal
 * uploads make exactly one version.
 */
@ApplicationScoped
public class PlaybookVersioning {
  static final String BUILT_IN_AUTHOR = "cordon (built-in)";

  @Inject PlaybookStore store;
  @Inject Audit audit;

  @Transactional
  public SaveOutcome save(Playbook playbook, String author) {
    PlaybookEntity head = store.lockHead(playbook.name(), now());
    Optional<PlaybookVersionEntity> latest = latest(head);
    if (latest.isPresent() && sameContent(latest.get(), playbook)) {
      return new SaveOutcome(VersionRows.playbook(latest.get()), SaveOutcome.Change.UNCHANGED);
    }
    return append(head, playbook, Origin.API, author);
  }

  /**
   * Installs a shipped playbook: creates it when it is missing and follows a changed shipped
   * version only while nobody has edited it through the API (an admin's version is never
   * overwritten).
   */
  @Transactional
  public SaveOutcome installBuiltIn(Playbook playbook) {
    PlaybookEntity head = store.lockHead(playbook.name(), now());
    Optional<PlaybookVersionEntity> latest = latest(head);
    if (latest.isPresent() && sameContent(latest.get(), playbook)) {
      return new SaveOutcome(VersionRows.playbook(latest.get()), SaveOutcome.Change.UNCHANGED);
    }
    if (latest.isPresent() && !Origin.BUILT_IN.name().equals(latest.get().origin)) {
      return new SaveOutcome(
          VersionRows.playbook(latest.get()), SaveOutcome.Change.KEPT_CUSTOMISED);
    }
    return append(head, playbook, Origin.BUILT_IN, BUILT_IN_AUTHOR);
  }

  private Optional<PlaybookVersionEntity> latest(PlaybookEntity head) {
    return head.latestVersion == 0
        ? Optional.empty()
        : store.version(head.name, head.latestVersion);
  }

  private SaveOutcome append(PlaybookEntity head, Playbook playbook, Origin origin, String author) {
    int version = head.latestVersion + 1;
    PlaybookVersionEntity row = VersionRows.newRow(playbook, version, origin, author, now());
    store.append(head, row);
    audit.record(
        AuditEntry.of(AuditKind.PLAYBOOK, "playbook.saved", playbook.name())
            .withChange(
                java.util.Map.of("version", version - 1),
                java.util.Map.of(
                    "version", version, "origin", origin.name(), "sha256", row.contentSha256))
            .withResult("NEW_VERSION", null));
    return new SaveOutcome(playbook.withVersion(version), SaveOutcome.Change.NEW_VERSION);
  }

  private static boolean sameContent(PlaybookVersionEntity stored, Playbook playbook) {
    return stored.contentSha256.equals(ContentHash.sha256(PlaybookWriter.canonical(playbook)));
  }

  /** PostgreSQL keeps microseconds: what is returned equals what is read back later. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
