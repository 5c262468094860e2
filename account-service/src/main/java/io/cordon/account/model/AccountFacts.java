package io.cordon.account.model;

/** What resolution learnt about an account that changes how an action applies to it. */
public record AccountFacts(boolean guest, boolean onPremisesSynced, boolean privileged) {
  public static final AccountFacts UNKNOWN = new AccountFacts(false, false, false);

  public AccountFacts(boolean guest, boolean onPremisesSynced) {
    this(guest, onPremisesSynced, false);
  }
}
