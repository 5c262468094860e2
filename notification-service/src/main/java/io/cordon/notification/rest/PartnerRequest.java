package io.cordon.notification.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cordon.contracts.Disclosure;
import io.cordon.contracts.Tlp;
import io.cordon.notification.mapping.PartnerDraft;
import io.cordon.notification.rest.validation.Checked;
import io.cordon.notification.rest.validation.GroupIds;
import io.cordon.notification.rest.validation.InputRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /partners} and {@code PUT /partners/{id}}. {@code disclosure} defaults to
 * summary, {@code tlp} to amber.
 */
public record PartnerRequest(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 50) @Checked(InputRule.EMAIL) List<String> contacts,
    @Valid Webhook webhook,
    @Valid Scopes scopes,
    Disclosure disclosure,
    Tlp tlp) {

  /** {@code secret} is write-only; on PUT it may be left out to keep the stored one. */
  public record Webhook(
      @NotNull @Checked(InputRule.HTTPS_URL) String url,
      @Checked(InputRule.WEBHOOK_SECRET) String secret) {
    @Override
    public String toString() {
      return "Webhook[url=" + url + ", secret=" + (secret == null ? "none" : "***") + "]";
    }
  }

  /**
   * @param groups Entra groups by object id, each a string or {@code {id, displayName}}
   * @param tenants Entra tenants by directory id: the partner hears only about their accounts; none
   *     for every tenant
   */
  public record Scopes(
      @Size(max = 1000) @GroupIds List<GroupScope> groups,
      @Size(max = 1000) @Checked(InputRule.DOMAIN) List<String> domains,
      @Size(max = 1000) @Checked(InputRule.TAG) List<String> tags,
      @Size(max = 100) @Checked(InputRule.TENANT) List<String> tenants) {}

  /**
   * A group scope: its object id, as a string or with the name to show for it. The name is never
   * matched.
   */
  public record GroupScope(String id, String displayName) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public GroupScope(
        @JsonProperty("id") String id, @JsonProperty("displayName") String displayName) {
      this.id = id;
      this.displayName = displayName;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static GroupScope ofId(String id) {
      return new GroupScope(id, null);
    }
  }

  PartnerDraft toDraft() {
    return new PartnerDraft(
        name,
        contacts,
        webhook == null ? null : new PartnerDraft.Webhook(webhook.url(), webhook.secret()),
        scopes == null
            ? null
            : new PartnerDraft.Scopes(
                scopes.groups() == null
                    ? null
                    : scopes.groups().stream()
                        .map(g -> new PartnerDraft.Group(g.id(), g.displayName()))
                        .toList(),
                scopes.domains(),
                scopes.tags(),
                scopes.tenants()),
        disclosure,
        tlp);
  }
}
