package io.cordon.account.service.protection;

import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.ProtectionConfig;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.repository.ProtectedAccountEntity;
import io.cordon.account.repository.ProtectedAccountStore;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The protected list: entries from configuration (read-only here) and entries admins keep over the
 * API, every change of the latter audited with its before and after.
 */
@ApplicationScoped
public class ProtectedAccountService {
  static final String ACCOUNTS_KEY = "cordon.protection.accounts";
  static final String GROUPS_KEY = "cordon.protection.groups";

  @Inject ProtectionConfig config;
  @Inject ProtectedAccountStore store;
  @Inject Audit audit;
  @Inject TenantRegistry tenants;

  /** What was stored, and whether it is new (201) or replaced an entry (200). */
  public record Saved(ProtectedAccount entry, boolean created) {}

  // a mistyped id in configuration would protect nobody without a word: refuse to start instead
  void checkConfiguration(@Observes StartupEvent event) {
    configured();
  }

  /** The list as the executor applies it now. */
  public ProtectionList current() {
    Map<String, ProtectionList.Entry> users = new HashMap<>();
    Map<String, ProtectionList.Entry> groups = new HashMap<>();
    List<ProtectedAccount> entries = new ArrayList<>(configured().values());
    store.all().forEach(entity -> entries.add(view(entity)));
    for (ProtectedAccount entry : entries) {
      Map<String, ProtectionList.Entry> target =
          ProtectionKind.GROUP.wire().equals(entry.kind()) ? groups : users;
      target.putIfAbsent(entry.id(), new ProtectionList.Entry(entry.reason(), entry.tenantId()));
    }
    return new ProtectionList(users, groups);
  }

  /** Every entry in object id order; configuration's and the API's together. */
  @Transactional
  public Page<ProtectedAccount> list(PageRequest page) {
    NavigableMap<String, ProtectedAccount> all = configured();
    store.all().forEach(entity -> all.putIfAbsent(entity.objectId, view(entity)));
    NavigableMap<String, ProtectedAccount> rest =
        page.after() == null ? all : all.tailMap(page.after(), false);
    List<ProtectedAccount> items = rest.values().stream().limit(page.limit()).toList();
    String next =
        rest.size() > page.limit() ? PageRequest.encode(items.get(items.size() - 1).id()) : null;
    return new Page<>(items, next);
  }

  @Transactional
  public ProtectedAccount get(String objectId) {
    ProtectedAccount configuredEntry = configured().get(objectId);
    if (configuredEntry != null) {
      return configuredEntry;
    }
    return store
        .find(objectId)
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("Protected account " + objectId));
  }

  /**
   * @param tenant the configured name or directory id of the one tenant the entry protects in; null
   *     for every tenant
   */
  @Transactional
  public Saved put(
      String objectId, ProtectionKind kind, String reason, String tenant, String principal) {
    String tenantId = tenant == null ? null : scope(tenant).tenantId().toLowerCase(Locale.ROOT);
    refuseIfConfigured(objectId);
    ProtectedAccountEntity entity = store.find(objectId).orElse(null);
    Map<String, Object> before = entity == null ? null : state(entity);
    Instant now = Instant.now();
    boolean created = entity == null;
    if (created) {
      entity = new ProtectedAccountEntity();
      entity.objectId = objectId;
      entity.createdBy = principal;
      entity.createdAt = now;
    }
    entity.kind = kind.name();
    entity.reason = reason;
    entity.tenantId = tenantId;
    entity.updatedBy = principal;
    entity.updatedAt = now;
    entity.persist();
    audit.record(
        AuditEntry.of(
                AuditKind.PROTECTED_ACCOUNT,
                created ? "protected-account.added" : "protected-account.changed",
                objectId)
            .withAccount(objectId, null)
            .withChange(before, state(entity))
            .withResult("PROTECTED", null));
    return new Saved(view(entity), created);
  }

  @Transactional
  public void remove(String objectId) {
    refuseIfConfigured(objectId);
    ProtectedAccountEntity entity =
        store
            .find(objectId)
            .orElseThrow(() -> ProblemException.notFound("Protected account " + objectId));
    Map<String, Object> before = state(entity);
    store.remove(entity);
    audit.record(
        AuditEntry.of(AuditKind.PROTECTED_ACCOUNT, "protected-account.removed", objectId)
            .withAccount(objectId, null)
            .withChange(before, null)
            .withResult("UNPROTECTED", null));
  }

  // a misspelt tenant would protect nobody anywhere: refuse it, naming the tenants there are
  private GraphTenant scope(String tenant) {
    return tenants
        .byName(tenant)
        .or(() -> tenants.byTenantId(tenant))
        .orElseThrow(
            () ->
                ProblemException.invalidField(
                    "tenant",
                    "'"
                        + tenant
                        + "' is no configured tenant; name one of "
                        + tenants.all().stream().map(GraphTenant::name).toList()
                        + " or its directory id"));
  }

  private void refuseIfConfigured(String objectId) {
    if (configured().containsKey(objectId)) {
      String reason =
          "named in configuration ("
              + ACCOUNTS_KEY
              + " or "
              + GROUPS_KEY
              + "); change it there, not over the API";
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Protected account " + objectId + " is " + reason,
          List.of(new Problem.FieldError("id", reason)));
    }
  }

  private NavigableMap<String, ProtectedAccount> configured() {
    NavigableMap<String, ProtectedAccount> entries = new TreeMap<>();
    add(entries, ACCOUNTS_KEY, config.accounts().orElse(List.of()), ProtectionKind.USER);
    add(entries, GROUPS_KEY, config.groups().orElse(List.of()), ProtectionKind.GROUP);
    return entries;
  }

  private static void add(
      Map<String, ProtectedAccount> entries, String key, List<String> ids, ProtectionKind kind) {
    for (String id : ids) {
      if (id.isBlank()) {
        continue;
      }
      if (!ObjectIds.isObjectId(id)) {
        throw new IllegalStateException(
            key + " holds '" + id + "', which is not an Entra object id (a GUID)");
      }
      String objectId = ObjectIds.normal(id);
      entries.putIfAbsent(
          objectId,
          new ProtectedAccount(
              objectId,
              kind.wire(),
              "named in " + key,
              null,
              null,
              ProtectedAccount.FROM_CONFIGURATION,
              null,
              null,
              null,
              null));
    }
  }

  private ProtectedAccount view(ProtectedAccountEntity entity) {
    return new ProtectedAccount(
        entity.objectId,
        ProtectionKind.valueOf(entity.kind).wire(),
        entity.reason,
        tenants.byTenantId(entity.tenantId).map(GraphTenant::name).orElse(null),
        entity.tenantId,
        ProtectedAccount.FROM_API,
        entity.createdBy,
        entity.createdAt,
        entity.updatedBy,
        entity.updatedAt);
  }

  private static Map<String, Object> state(ProtectedAccountEntity entity) {
    Map<String, Object> state = new HashMap<>(Map.of("kind", entity.kind, "reason", entity.reason));
    if (entity.tenantId != null) {
      state.put("tenantId", entity.tenantId);
    }
    return state;
  }
}
