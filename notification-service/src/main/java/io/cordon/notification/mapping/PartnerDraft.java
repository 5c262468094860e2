package io.cordon.notification.mapping;

import io.cordon.contracts.Disclosure;
import io.cordon.contracts.Tlp;
import java.util.List;

/** A partner as a client describes it on create or replace; already validated for shape. */
public record PartnerDraft(
    String name,
    List<String> contacts,
    Webhook webhook,
    Scopes scopes,
    Disclosure disclosure,
    Tlp tlp) {

  public PartnerDraft {
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
    scopes = scopes == null ? new Scopes(null, null, null, null) : scopes;
    disclosure = disclosure == null ? Disclosure.SUMMARY : disclosure;
    tlp = tlp == null ? Tlp.AMBER : tlp;
  }

  /** {@code secret} is null when a replace keeps the stored one. */
  public record Webhook(String url, String secret) {
    @Override
    public String toString() {
      return "Webhook[url=" + url + ", secret=" + (secret == null ? "none" : "***") + "]";
    }
  }

  /** A group by object id; {@code displayName} is for display only and may be null. */
  public record Group(String id, String displayName) {}

  /**
   * @param tenants directory ids of the tenants the partner is limited to; empty for every tenant
   */
  public record Scopes(
      List<Group> groups, List<String> domains, List<String> tags, List<String> tenants) {
    public Scopes {
      groups = groups == null ? List.of() : List.copyOf(groups);
      domains = domains == null ? List.of() : List.copyOf(domains);
      tags = tags == null ? List.of() : List.copyOf(tags);
      tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }
  }
}
