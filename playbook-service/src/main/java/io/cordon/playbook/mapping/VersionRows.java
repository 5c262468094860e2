package io.cordon.playbook.mapping;

import io.cordon.playbook.model.Origin;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.PlaybookSummary;
import io.cordon.playbook.model.PlaybookVersionSummary;
import io.cordon.playbook.repository.PlaybookVersionEntity;
import java.time.Instant;

/** Between stored version rows and the playbook records. */
public final class VersionRows {
  private VersionRows() {}

  public static PlaybookVersionEntity newRow(
      Playbook playbook, int version, Origin origin, String createdBy, Instant createdAt) {
    String canonical = PlaybookWriter.canonical(playbook);
    PlaybookVersionEntity row = new PlaybookVersionEntity();
    row.key = new PlaybookVersionEntity.Key(playbook.name(), version);
    row.description = playbook.description();
    row.stepCount = playbook.steps().size();
    row.content = canonical;
    row.contentSha256 = ContentHash.sha256(canonical);
    row.origin = origin.name();
    row.createdBy = createdBy;
    row.createdAt = createdAt;
    return row;
  }

  public static Playbook playbook(PlaybookVersionEntity row) {
    return PlaybookReader.fromStored(row.content, row.key.version);
  }

  public static PlaybookSummary summary(PlaybookVersionEntity row, String defaultPlaybook) {
    return new PlaybookSummary(
        row.key.name,
        row.key.version,
        row.description,
        row.stepCount,
        row.createdAt,
        row.createdBy,
        Origin.valueOf(row.origin),
        row.key.name.equals(defaultPlaybook));
  }

  public static PlaybookVersionSummary versionSummary(PlaybookVersionEntity row) {
    return new PlaybookVersionSummary(
        row.key.name,
        row.key.version,
        row.description,
        row.stepCount,
        row.createdAt,
        row.createdBy,
        Origin.valueOf(row.origin),
        row.contentSha256);
  }
}
