package io.cordon.cli.render;

import static io.cordon.cli.render.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Partners (notification-service). Webhook URLs are shown as the service shows them. */
public final class PartnerViews {
  private PartnerViews() {}

  public static List<String> list(JsonNode page) {
    Table table = new Table("ID", "NAME", "DISCLOSURE", "TLP", "WEBHOOK", "CONTACTS", "SCOPES");
    for (JsonNode partner : page.path("items")) {
      table.row(
          text(partner, "id"),
          text(partner, "name"),
          text(partner, "disclosure"),
          text(partner, "tlp"),
          webhook(partner),
          partner.path("contacts").size(),
          scopes(partner.path("scopes")));
    }
    return RunViews.withHint(table, page, "no partners");
  }

  public static List<String> detail(JsonNode partner) {
    List<String> lines = new ArrayList<>();
    lines.add("partner    " + text(partner, "id") + "  " + text(partner, "name"));
    lines.add("disclosure " + text(partner, "disclosure") + "  " + text(partner, "tlp"));
    lines.add("webhook    " + webhook(partner));
    List<String> contacts = new ArrayList<>();
    partner.path("contacts").forEach(contact -> contacts.add(contact.asText()));
    lines.add("contacts   " + (contacts.isEmpty() ? "-" : String.join(", ", contacts)));
    JsonNode scopes = partner.path("scopes");
    List<String> groups = new ArrayList<>();
    scopes
        .path("groups")
        .forEach(
            group ->
                groups.add(
                    text(group, "id")
                        + (text(group, "displayName") == null
                            ? ""
                            : " (" + text(group, "displayName") + ")")));
    lines.add("groups     " + (groups.isEmpty() ? "-" : String.join(", ", groups)));
    lines.add("domains    " + join(scopes.path("domains")));
    lines.add("tags       " + join(scopes.path("tags")));
    lines.add(
        "updated    "
            + RunViews.orDash(text(partner, "updatedAt"))
            + " by "
            + RunViews.orDash(text(partner, "updatedBy")));
    return lines;
  }

  private static String webhook(JsonNode partner) {
    JsonNode webhook = partner.path("webhook");
    if (!webhook.isObject()) {
      return "-";
    }
    String disabled = webhook.path("disabled").isObject() ? " (disabled)" : "";
    return text(webhook, "url") + disabled;
  }

  private static String scopes(JsonNode scopes) {
    return scopes.path("groups").size()
        + " group(s), "
        + scopes.path("domains").size()
        + " domain(s), "
        + scopes.path("tags").size()
        + " tag(s)";
  }

  private static String join(JsonNode values) {
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(value.asText()));
    return texts.isEmpty() ? "-" : String.join(", ", texts);
  }
}
