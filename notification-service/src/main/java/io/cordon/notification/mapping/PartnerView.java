package io.cordon.notification.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
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

  /**
   * @param disabled present only while the endpoint is disabled (it answered 410 Gone)
   */
  public record Webhook(
      String url,
      boolean secretSet,
      @JsonInclude(JsonInclude.Include.NON_NULL) Disabled disabled) {}

  /** Why and since when no webhook goes to the endpoint. */
  public record Disabled(Instant at, String reason) {}

  public record Scopes(List<String> groups, List<String> domains, List<String> tags) {}
}
