package io.cordon.notification.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.Disclosure;
import io.cordon.contracts.Tlp;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.ScopeCount;
import io.cordon.contracts.json.EventJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Builds the disclosure-filtered notice for one partner, and reads stored notices back. */
public final class NoticeDocuments {
  private static final ObjectMapper JSON = EventJson.newObjectMapper();

  private NoticeDocuments() {}

  /** Who the notice is for, and how much that partner may learn. */
  public record Recipient(UUID partnerId, String name, Disclosure disclosure, Tlp tlp) {}

  public static NoticeDocument build(
      UUID noticeId,
      int sequence,
      UUID followUpOf,
      Instant createdAt,
      NotificationRequested request,
      Recipient recipient,
      PartnerMatch matched) {
    var run = request.runSummary();
    var summary =
        new NoticeDocument.Summary(
            run.state().name(),
            run.playbook(),
            run.startedAt(),
            run.finishedAt(),
            request.requestedAt(),
            Math.max(run.accountsTotal(), request.affectedAccounts().size()),
            matched.accounts().size(),
            scopes(request, matched),
            request.actionsTaken());
    var data =
        new NoticeDocument.Data(
            noticeId.toString(),
            sequence,
            followUpOf == null ? null : followUpOf.toString(),
            new NoticeDocument.Incident(
                request.incident().id(), request.incident().title(), request.incident().severity()),
            new NoticeDocument.Partner(recipient.partnerId().toString(), recipient.name()),
            recipient.tlp().label(),
            recipient.disclosure().name().toLowerCase(Locale.ROOT),
            summary,
            PartnerExposure.of(matched.accounts(), request.affectedAccounts()),
            // the one place names enter a notice, and only for partners entitled to them
            recipient.disclosure() == Disclosure.ACCOUNTS ? upns(matched.accounts()) : null,
            StixBundles.build(
                    new StixBundles.Subject(
                        noticeId,
                        createdAt,
                        request.incident(),
                        recipient.tlp(),
                        recipient.disclosure()),
                    matched.accounts(),
                    request.affectedAccounts())
                .map(StixBundles::tree)
                .orElse(null));
    return new NoticeDocument(NoticeDocument.TYPE, createdAt, data);
  }

  public static String write(NoticeDocument document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a partner notice", e);
    }
  }

  public static NoticeDocument read(String body) {
    try {
      return JSON.readValue(body, NoticeDocument.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored partner notice is not readable", e);
    }
  }

  private static List<NoticeDocument.Scope> scopes(
      NotificationRequested request, PartnerMatch matched) {
    List<NoticeDocument.Scope> scopes = new ArrayList<>();
    for (GroupRef group : matched.groups()) {
      Integer counted =
          count(request, ScopeCount.GROUP, group.id())
              .orElseGet(
                  () ->
                      (int)
                          matched.accounts().stream()
                              .filter(a -> containsIgnoringCase(a.groupIds(), group.id()))
                              .count());
      scopes.add(
          new NoticeDocument.Scope(
              ScopeCount.GROUP,
              group.id(),
              group.displayName().isBlank() ? null : group.displayName(),
              counted));
    }
    for (String domain : matched.domains()) {
      Integer counted =
          count(request, ScopeCount.DOMAIN, domain)
              .orElseGet(
                  () ->
                      (int)
                          matched.accounts().stream()
                              .filter(a -> a.domain().equalsIgnoreCase(domain))
                              .count());
      scopes.add(new NoticeDocument.Scope(ScopeCount.DOMAIN, domain, null, counted));
    }
    for (String tag : matched.tags()) {
      scopes.add(
          new NoticeDocument.Scope(
              ScopeCount.TAG, tag, null, count(request, ScopeCount.TAG, tag).orElse(null)));
    }
    return scopes;
  }

  private static Optional<Integer> count(NotificationRequested request, String type, String scope) {
    return request.scopeCounts().stream()
        .filter(c -> c.scopeType().equals(type) && c.scope().equalsIgnoreCase(scope))
        .map(ScopeCount::accounts)
        .findFirst();
  }

  private static boolean containsIgnoringCase(List<String> values, String wanted) {
    return values.stream().anyMatch(v -> v.equalsIgnoreCase(wanted));
  }

  private static List<String> upns(List<AffectedAccount> accounts) {
    Set<String> upns = new LinkedHashSet<>();
    accounts.forEach(a -> upns.add(a.userPrincipalName()));
    return List.copyOf(upns);
  }
}
