package io.cordon.account.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON {@code accounts} array: "upn" | "objectId" | {upn|objectId, tenantId?}. */
public final class JsonAccountEntries {
  private JsonAccountEntries() {}

  public static ParsedEntries read(List<JsonNode> accounts) {
    List<RawEntry> entries = new ArrayList<>(accounts.size());
    List<EntryRejection> rejections = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      JsonNode node = accounts.get(i);
      String where = "accounts[" + i + "]";
      if (node != null && node.isTextual()) {
        entries.add(new RawEntry(where, node.asText(), null));
      } else if (node != null && node.isObject() && identifier(node) != null) {
        entries.add(new RawEntry(where, identifier(node), text(node, "tenantId")));
      } else {
        rejections.add(
            EntryRejection.of(
                where + ": " + node,
                "entry must be a UPN or object id string, or an object with upn or objectId"));
      }
    }
    return new ParsedEntries(entries, rejections);
  }

  private static String identifier(JsonNode node) {
    String upn = text(node, "upn");
    return upn != null ? upn : text(node, "objectId");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
