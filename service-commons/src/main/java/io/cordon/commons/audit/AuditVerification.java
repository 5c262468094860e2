package io.cordon.commons.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /audit/verify}: ok and how many entries were checked, or the first entry
 * that breaks the chain and why; and the signed anchor the chain was held to, if there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(
    boolean ok, long count, String lastHash, Broken broken, AuditAnchor anchor) {

  /** The first entry that does not fit the chain. */
  public record Broken(long seq, String id, String reason) {}

  static AuditVerification intact(long count, String lastHash) {
    return new AuditVerification(true, count, lastHash, null, null);
  }

  static AuditVerification brokenAt(long checked, long seq, String id, String reason) {
    return new AuditVerification(false, checked, null, new Broken(seq, id, reason), null);
  }

  AuditVerification against(AuditAnchor checkedAgainst) {
    return new AuditVerification(ok, count, lastHash, broken, checkedAgainst);
  }
}
