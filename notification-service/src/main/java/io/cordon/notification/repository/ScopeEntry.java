package io.cordon.notification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One row of {@code partner_scope}. */
@Embeddable
public class ScopeEntry {
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ScopeKind kind;

  @Column(nullable = false, length = 256)
  public String value;

  public ScopeEntry() {}

  public ScopeEntry(ScopeKind kind, String value) {
    this.kind = kind;
    this.value = value;
  }
}
