package io.cordon.commons.audit;

import java.util.Locale;

/** What an audit entry is about; stored in lower case with dashes ({@code graph-action}). */
public enum AuditKind {
  REPORT,
  INCIDENT,
  EVIDENCE,
  CONTAINMENT,
  DETECTION,
  RUN,
  STEP,
  APPROVAL,
  CANCEL,
  GRAPH_ACTION,
  TEMPORARY_ACCESS_PASS,
  PLAYBOOK,
  PROTECTED_ACCOUNT,
  PARTNER,
  NOTICE,
  DELIVERY;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
