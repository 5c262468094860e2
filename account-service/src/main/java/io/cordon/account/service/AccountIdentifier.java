package io.cordon.account.service;

import java.time.Instant;
import java.util.Locale;

/** A normalised account reference from a report: a UPN or an Entra object id, maybe a tenant. */
public record AccountIdentifier(Kind kind, String value, String tenant, Instant activityAt) {
  public enum Kind {
    UPN,
    OBJECT_ID
  }

  public AccountIdentifier {
    value = value.toLowerCase(Locale.ROOT);
    tenant = tenant == null ? null : tenant.toLowerCase(Locale.ROOT);
  }

  public AccountIdentifier(Kind kind, String value, String tenant) {
    this(kind, value, tenant, null);
  }

  /** The same account with the later of the two activity times (null counts as none). */
  public AccountIdentifier withLatestActivity(Instant at) {
    if (at == null || (activityAt != null && !at.isAfter(activityAt))) {
      return this;
    }
    return new AccountIdentifier(kind, value, tenant, at);
  }

  /** Two entries naming the same account in the same tenant are duplicates. */
  public String dedupKey() {
    return kind + ":" + value + "@" + (tenant == null ? "" : tenant);
  }
}
