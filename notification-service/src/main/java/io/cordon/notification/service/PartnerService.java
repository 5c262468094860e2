package io.cordon.notification.service;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.notification.mapping.PartnerDraft;
import io.cordon.notification.mapping.PartnerMapper;
import io.cordon.notification.mapping.PartnerView;
import io.cordon.notification.repository.PartnerEntity;
import io.cordon.notification.repository.PartnerRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The partner registry. Webhook targets are checked (and their hosts resolved) before a transaction
 * opens; the secret is sealed inside it and never leaves in a view.
 */
@ApplicationScoped
public class PartnerService {
  private static final String NAME_CONSTRAINT = "partner_name_key_unique";

  @Inject PartnerRepository partners;
  @Inject WebhookTargetPolicy targets;
  @Inject WebhookSecrets secrets;
  @Inject Audit audit;

  public PartnerView create(PartnerDraft draft, String actor) {
    checkChannels(draft);
    if (draft.webhook() != null) {
      if (draft.webhook().secret() == null) {
        throw secretRequired();
      }
      targets.check(draft.webhook().url());
    }
    return QuarkusTransaction.joiningExisting().call(() -> insert(draft, actor));
  }

  public PartnerView replace(UUID id, PartnerDraft draft, String actor) {
    checkChannels(draft);
    if (draft.webhook() != null) {
      targets.check(draft.webhook().url());
    }
    return QuarkusTransaction.joiningExisting().call(() -> update(id, draft, actor));
  }

  @Transactional
  public void delete(UUID id) {
    PartnerEntity partner = find(id);
    audit.record(
        AuditEntry.of(AuditKind.PARTNER, "partner.deleted", id.toString())
            .withChange(summary(partner), null)
            .withResult("DELETED", null));
    partners.delete(partner);
  }

  @Transactional
  public PartnerView get(UUID id) {
    return PartnerMapper.view(find(id));
  }

  @Transactional
  public Page<PartnerView> list(PageRequest page) {
    List<PartnerEntity> rows = partners.page(page.after(), page.limit() + 1);
    boolean more = rows.size() > page.limit();
    List<PartnerEntity> shown = more ? rows.subList(0, page.limit()) : rows;
    String next = more ? PageRequest.encode(shown.get(shown.size() - 1).nameKey) : null;
    return new Page<>(shown.stream().map(PartnerMapper::view).toList(), next);
  }

  private PartnerView insert(PartnerDraft draft, String actor) {
    ensureNameFree(draft.name(), null);
    PartnerEntity partner = new PartnerEntity();
    partner.id = UUID.randomUUID();
    partner.createdAt = Instant.now();
    partner.createdBy = actor;
    partner.updatedAt = partner.createdAt;
    partner.updatedBy = actor;
    PartnerMapper.apply(draft, partner);
    if (draft.webhook() != null) {
      partner.webhookSecrets.add(secrets.seal(partner, draft.webhook().secret()));
    }
    partners.persist(partner);
    flush();
    audit.record(
        AuditEntry.of(AuditKind.PARTNER, "partner.created", partner.id.toString())
            .withChange(null, summary(partner))
            .withResult("CREATED", null));
    return PartnerMapper.view(partner);
  }

  private PartnerView update(UUID id, PartnerDraft draft, String actor) {
    PartnerEntity partner = find(id);
    Map<String, Object> before = summary(partner);
    ensureNameFree(draft.name(), id);
    if (draft.webhook() == null) {
      partner.webhookSecrets.clear();
    } else if (draft.webhook().secret() != null) {
      // a later rotation may keep the previous secret for a while; a replace does not
      partner.webhookSecrets.clear();
      partner.webhookSecrets.add(secrets.seal(partner, draft.webhook().secret()));
    } else if (partner.webhookSecrets.isEmpty()) {
      throw secretRequired();
    }
    reenableOnNewTarget(partner, draft);
    PartnerMapper.apply(draft, partner);
    partner.updatedAt = Instant.now();
    partner.updatedBy = actor;
    flush();
    audit.record(
        AuditEntry.of(AuditKind.PARTNER, "partner.replaced", id.toString())
            .withChange(before, summary(partner))
            .withResult("REPLACED", null));
    return PartnerMapper.view(partner);
  }

  /**
   * An endpoint disabled by a 410 comes back when an admin points the webhook somewhere new or
   * gives it a new secret: both say the partner has set up a working receiver. A rename does not.
   */
  private static void reenableOnNewTarget(PartnerEntity partner, PartnerDraft draft) {
    if (partner.webhookDisabledAt == null || draft.webhook() == null) {
      return;
    }
    boolean newUrl = !draft.webhook().url().strip().equals(partner.webhookUrl);
    if (newUrl || draft.webhook().secret() != null) {
      partner.webhookDisabledAt = null;
      partner.webhookDisabledReason = null;
    }
  }

  /**
   * What the audit log keeps of a partner: never a secret, and only the webhook's host (a URL may
   * carry a token in its path or query).
   */
  private static Map<String, Object> summary(PartnerEntity partner) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("name", partner.name);
    summary.put("disclosure", String.valueOf(partner.disclosure));
    summary.put("tlp", String.valueOf(partner.tlp));
    summary.put(
        "webhookHost", partner.webhookUrl == null ? null : WebhookUrls.host(partner.webhookUrl));
    summary.put("signingKeys", partner.webhookSecrets.size());
    summary.put("contacts", partner.contacts.size());
    summary.put("scopes", partner.scopes.size());
    summary.put("webhookDisabled", partner.webhookDisabledAt != null);
    return summary;
  }

  private PartnerEntity find(UUID id) {
    return partners.findByIdOptional(id).orElseThrow(() -> notFound(id));
  }

  private void ensureNameFree(String name, UUID self) {
    partners
        .findByNameKey(PartnerMapper.nameKey(name))
        .filter(existing -> !existing.id.equals(self))
        .ifPresent(
            existing -> {
              throw nameTaken(name);
            });
  }

  /** Flushes now so that a concurrent insert of the same name answers 409, not 500. */
  private void flush() {
    try {
      partners.flush();
    } catch (PersistenceException e) {
      if (violates(e, NAME_CONSTRAINT)) {
        throw nameTaken(null);
      }
      throw e;
    }
  }

  private static boolean violates(Throwable e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException violation
          && constraint.equalsIgnoreCase(violation.getConstraintName())) {
        return true;
      }
    }
    return false;
  }

  private static void checkChannels(PartnerDraft draft) {
    if (draft.contacts().isEmpty() && draft.webhook() == null) {
      throw ProblemException.invalidField(
          "contacts", "a partner needs at least one contact e-mail or a webhook");
    }
  }

  public static ProblemException notFound(Object id) {
    return ProblemException.notFound("Partner " + id);
  }

  private static ProblemException secretRequired() {
    return ProblemException.invalidField(
        "webhook.secret", "required when the partner has no webhook secret yet");
  }

  private static ProblemException nameTaken(String name) {
    String detail =
        name == null
            ? "A partner with this name already exists"
            : "A partner named '" + name.strip() + "' already exists";
    return new ProblemException(
        ProblemType.CONFLICT,
        detail,
        List.of(new Problem.FieldError("name", "already used by another partner")));
  }
}
