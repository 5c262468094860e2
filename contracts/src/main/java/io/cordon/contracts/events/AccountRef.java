package io.cordon.contracts.events;

/** Identifies the account an action targets; the tenant selects the Graph credentials. */
public record AccountRef(String objectId, String userPrincipalName, String tenantId) {

  public AccountRef {
    Check.text(objectId, "AccountRef", "objectId");
    Check.text(userPrincipalName, "AccountRef", "userPrincipalName");
    Check.text(tenantId, "AccountRef", "tenantId");
  }
}
