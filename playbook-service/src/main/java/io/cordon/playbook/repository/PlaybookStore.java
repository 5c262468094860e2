package io.cordon.playbook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and appends playbook versions; nothing here updates or deletes a version. */
@ApplicationScoped
public class PlaybookStore {
  @Inject EntityManager entityManager;

  /**
   * The playbook's row, created with no version yet if the name is new, locked until the
   * transaction ends so that concurrent writers of one name take turns.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public PlaybookEntity lockHead(String name, Instant now) {
    entityManager
        .createNativeQuery(
            "insert into playbook (name, latest_version, created_at, updated_at)"
                + " values (:name, 0, :now, :now) on conflict (name) do nothing")
        .setParameter("name", name)
        .setParameter("now", now)
        .executeUpdate();
    return entityManager.find(PlaybookEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void append(PlaybookEntity head, PlaybookVersionEntity version) {
    entityManager.persist(version);
    head.latestVersion = version.key.version;
    head.updatedAt = version.createdAt;
  }

  public Optional<PlaybookVersionEntity> version(String name, int version) {
    return Optional.ofNullable(
        entityManager.find(
            PlaybookVersionEntity.class, new PlaybookVersionEntity.Key(name, version)));
  }

  public Optional<PlaybookVersionEntity> latest(String name) {
    return PlaybookVersionEntity.find(
            "key.name = ?1 and key.version ="
                + " (select p.latestVersion from PlaybookEntity p where p.name = ?1)",
            name)
        .firstResultOptional();
  }

  /** Latest versions of the playbooks whose names sort after {@code afterName}, by name. */
  public List<PlaybookVersionEntity> latestVersions(String afterName, int limit) {
    return entityManager
        .createQuery(
            "select v from PlaybookVersionEntity v, PlaybookEntity p"
                + " where p.name = v.key.name and p.latestVersion = v.key.version"
                + " and p.name > :after order by p.name",
            PlaybookVersionEntity.class)
        .setParameter("after", afterName == null ? "" : afterName)
        .setMaxResults(limit)
        .getResultList();
  }

  /** A playbook's versions older than {@code beforeVersion} (all when it is null), newest first. */
  public List<PlaybookVersionEntity> versions(String name, Integer beforeVersion, int limit) {
    return PlaybookVersionEntity.find(
            "key.name = ?1 and key.version < ?2 order by key.version desc",
            name,
            beforeVersion == null ? Integer.MAX_VALUE : beforeVersion)
        .page(0, limit)
        .list();
  }

  public boolean exists(String name) {
    return PlaybookEntity.count("name = ?1 and latestVersion > 0", name) > 0;
  }
}
