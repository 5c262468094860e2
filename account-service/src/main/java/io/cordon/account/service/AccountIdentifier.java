package io.cordon.account.service;

import java.util.Locale;

/** A normalised account reference from a report: a UPN or an Entra object id, maybe a tenant. */
public record AccountIdentifier(Kind kind, String value, String tenant) {
  public enum Kind {
    UPN,
    OBJECT_ID
  }

  public AccountIdentifier {
    value = value.toLowerCase(Locale.ROOT);
    tenant = tenant == null ? null : tenant.toLowerCase(Locale.ROOT);
  }

  /** Two entries naming the same account in the same tenant are duplicates. */
  public String dedupKey() {
    return kind + ":" + value + "@" + (tenant == null ? "" : tenant);
  }
}
