package io.cordon.notification.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner as the API shows it: the webhook secret only as {@code secretSet}. */
public record PartnerView(
    UUID id,
    String name,
    List<String> contacts,
    Webhook webhook,
    Scopes scopes,
    String disclosure,
    String tlp,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  public record Webhook(String url, boolean secretSet) {}

  public record Scopes(List<String> groups, List<String> domains, List<String> tags) {}
}
