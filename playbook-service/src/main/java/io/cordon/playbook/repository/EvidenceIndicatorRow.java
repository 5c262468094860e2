package io.cordon.playbook.repository;

import io.cordon.contracts.IndicatorType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** An indicator of compromise one piece of evidence named (table {@code evidence_indicator}). */
@Embeddable
public class EvidenceIndicatorRow {
  @Enumerated(EnumType.STRING)
  public IndicatorType type;

  public String value;

  @Column(name = "observed_at")
  public Instant observedAt;

  public String source;

  public EvidenceIndicatorRow() {}

  public EvidenceIndicatorRow(IndicatorType type, String value, Instant observedAt, String source) {
    this.type = type;
    this.value = value;
    this.observedAt = observedAt;
    this.source = source;
  }
}
