package io.cordon.playbook.model;

/** What Cordon did with one piece of evidence about one account. */
public enum EvidenceDisposition {
  /** The account joined the evidence's run to be contained. */
  CONTAINING,
  /** The account was already contained or being contained: kept as evidence, no action. */
  ATTACHED,
  /** The evidence shows activity after the containment: the account is contained again. */
  RECONTAINING
}
