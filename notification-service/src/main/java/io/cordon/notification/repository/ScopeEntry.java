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

  /** For a group: the name an admin gave it, for display only; never matched. */
  @Column(name = "display_name", length = 256)
  public String displayName;

  public ScopeEntry() {}

  public ScopeEntry(ScopeKind kind, String value) {
    this(kind, value, null);
  }

  public ScopeEntry(ScopeKind kind, String value, String displayName) {
    this.kind = kind;
    this.value = value;
    this.displayName = displayName;
  }
}
