package io.cordon.account.service;

/** What resolution learnt about an account that changes how an action applies to it. */
public record AccountFacts(boolean guest, boolean onPremisesSynced) {
  public static final AccountFacts UNKNOWN = new AccountFacts(false, false);
}
