package io.cordon.notification.rest;

import io.cordon.contracts.Disclosure;
import io.cordon.contracts.Tlp;
import io.cordon.notification.mapping.PartnerDraft;
import io.cordon.notification.rest.validation.Checked;
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

  public record Scopes(
      @Size(max = 1000) @Checked(InputRule.GROUP) List<String> groups,
      @Size(max = 1000) @Checked(InputRule.DOMAIN) List<String> domains,
      @Size(max = 1000) @Checked(InputRule.TAG) List<String> tags) {}

  PartnerDraft toDraft() {
    return new PartnerDraft(
        name,
        contacts,
        webhook == null ? null : new PartnerDraft.Webhook(webhook.url(), webhook.secret()),
        scopes == null
            ? null
            : new PartnerDraft.Scopes(scopes.groups(), scopes.domains(), scopes.tags()),
        disclosure,
        tlp);
  }
}
