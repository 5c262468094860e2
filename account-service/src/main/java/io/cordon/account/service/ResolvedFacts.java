package io.cordon.account.service;

import io.cordon.contracts.events.GroupRef;
import java.util.List;

/** What Graph says about one account: identity, type, sync state, roles and groups. */
public record ResolvedFacts(
    String objectId,
    String userPrincipalName,
    String userType,
    boolean onPremisesSynced,
    boolean accountEnabled,
    List<String> privilegedRoles,
    List<GroupRef> groups) {}
