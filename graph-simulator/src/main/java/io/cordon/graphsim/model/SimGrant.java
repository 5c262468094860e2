package io.cordon.graphsim.model;

/** A delegated OAuth2 permission grant of one user to one client app. */
public record SimGrant(
    String id,
    String clientId,
    String consentType,
    String principalId,
    String resourceId,
    String scope) {}
