package io.cordon.notification.mapping;

import io.cordon.notification.repository.PartnerEntity;
import io.cordon.notification.repository.ScopeEntry;
import io.cordon.notification.repository.ScopeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Between partner drafts, entities and views; normalises names, contacts and scope values. */
public final class PartnerMapper {

  private PartnerMapper() {}

  /** The key under which partner names are unique and ordered. */
  public static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** Copies everything but the webhook secret, which only the service handles. */
  public static void apply(PartnerDraft draft, PartnerEntity partner) {
    partner.name = draft.name().strip();
    partner.nameKey = nameKey(draft.name());
    partner.disclosure = draft.disclosure();
    partner.tlp = draft.tlp();
    partner.webhookUrl = draft.webhook() == null ? null : draft.webhook().url().strip();
    replace(partner.contacts, distinct(draft.contacts(), String::strip, true));
    List<ScopeEntry> scopes = new ArrayList<>();
    groups(draft.scopes().groups()).forEach(scopes::add);
    add(scopes, ScopeKind.DOMAIN, distinct(draft.scopes().domains(), PartnerMapper::domain, false));
    add(scopes, ScopeKind.TAG, distinct(draft.scopes().tags(), String::strip, false));
    add(
        scopes,
        ScopeKind.TENANT,
        distinct(draft.scopes().tenants(), t -> t.strip().toLowerCase(Locale.ROOT), false));
    replace(partner.scopes, scopes);
  }

  public static PartnerView view(PartnerEntity partner) {
    PartnerView.Webhook webhook =
        partner.webhookUrl == null
            ? null
            : new PartnerView.Webhook(
                partner.webhookUrl,
                !partner.webhookSecrets.isEmpty(),
                partner.webhookDisabledAt == null
                    ? null
                    : new PartnerView.Disabled(
                        partner.webhookDisabledAt, partner.webhookDisabledReason));
    return new PartnerView(
        partner.id,
        partner.name,
        List.copyOf(partner.contacts),
        webhook,
        new PartnerView.Scopes(
            partner.scopes.stream()
                .filter(s -> s.kind == ScopeKind.GROUP)
                .map(s -> new PartnerView.Group(s.value, s.displayName))
                .toList(),
            values(partner, ScopeKind.DOMAIN),
            values(partner, ScopeKind.TAG),
            values(partner, ScopeKind.GROUP_NAME),
            values(partner, ScopeKind.TENANT)),
        partner.disclosure.name().toLowerCase(Locale.ROOT),
        partner.tlp.label(),
        partner.createdAt,
        partner.createdBy,
        partner.updatedAt,
        partner.updatedBy);
  }

  /** Group scopes by lower-case object id, each id once (the first display name given wins). */
  private static List<ScopeEntry> groups(List<PartnerDraft.Group> groups) {
    Map<String, ScopeEntry> byId = new LinkedHashMap<>();
    for (PartnerDraft.Group group : groups) {
      String id = group.id().strip().toLowerCase(Locale.ROOT);
      String name = group.displayName() == null ? null : group.displayName().strip();
      byId.putIfAbsent(id, new ScopeEntry(ScopeKind.GROUP, id, name));
    }
    return List.copyOf(byId.values());
  }

  private static String domain(String value) {
    String domain = value.strip().toLowerCase(Locale.ROOT);
    return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
  }

  /** Normalised values in first-seen order; duplicates (optionally ignoring case) dropped. */
  private static List<String> distinct(
      List<String> values, UnaryOperator<String> normalise, boolean ignoreCase) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String value : values) {
      String normalised = normalise.apply(value);
      seen.putIfAbsent(ignoreCase ? normalised.toLowerCase(Locale.ROOT) : normalised, normalised);
    }
    return List.copyOf(seen.values());
  }

  private static void add(List<ScopeEntry> scopes, ScopeKind kind, List<String> values) {
    values.forEach(value -> scopes.add(new ScopeEntry(kind, value)));
  }

  private static List<String> values(PartnerEntity partner, ScopeKind kind) {
    return partner.scopes.stream().filter(s -> s.kind == kind).map(s -> s.value).toList();
  }

  private static <T> void replace(List<T> target, List<T> values) {
    target.clear();
    target.addAll(values);
  }
}
