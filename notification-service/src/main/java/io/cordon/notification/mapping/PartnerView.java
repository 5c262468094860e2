package io.cordon.notification.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cordon.notification.service.WebhookUrls;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner as the API shows it: the webhook secret only as {@code secretSet}; the webhook URL in
 * full to admins only (it may carry a token in its query).
 */
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

  /** This partner with its webhook URL shown as {@link WebhookUrls#redacted}. */
  public PartnerView withRedactedWebhookUrl() {
    if (webhook == null) {
      return this;
    }
    return new PartnerView(
        id,
        name,
        contacts,
        new Webhook(WebhookUrls.redacted(webhook.url()), webhook.secretSet(), webhook.disabled()),
        scopes,
        disclosure,
        tlp,
        createdAt,
        createdBy,
        updatedAt,
        updatedBy);
  }

  /**
   * @param disabled present only while the endpoint is disabled (it answered 410 Gone)
   */
  public record Webhook(
      String url,
      boolean secretSet,
      @JsonInclude(JsonInclude.Include.NON_NULL) Disabled disabled) {}

  /** Why and since when no webhook goes to the endpoint. */
  public record Disabled(Instant at, String reason) {}

  /**
   * @param groups matched by {@code id} only; {@code displayName} is what an admin called it
   * @param unresolvedGroupNames groups registered by name before ids were required: they match
   *     nothing until an admin replaces them with ids
   * @param tenants directory ids of the Entra tenants the partner is limited to; empty for all
   */
  public record Scopes(
      List<Group> groups,
      List<String> domains,
      List<String> tags,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unresolvedGroupNames,
      List<String> tenants) {}

  /** A group scope: its object id, and the name it was registered with, if any. */
  public record Group(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String displayName) {}
}
