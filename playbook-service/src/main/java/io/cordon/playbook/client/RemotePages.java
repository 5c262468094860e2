package io.cordon.playbook.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Follows {@code next} cursors of a remote collection and returns every item. */
public final class RemotePages {
  public static final int PAGE_SIZE = 1000;
  // 200,000 entries: far beyond one incident; a guard against a cursor that never ends
  private static final int MAX_PAGES = 200;

  private RemotePages() {}

  public static List<JsonNode> all(Function<String, JsonNode> page) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    for (int i = 0; i < MAX_PAGES; i++) {
      JsonNode answer = page.apply(cursor);
      answer.path("items").forEach(items::add);
      JsonNode next = answer.path("next");
      if (next.isMissingNode() || next.isNull() || next.asText().isEmpty()) {
        return items;
      }
      cursor = next.asText();
    }
    throw new IllegalStateException("more than " + MAX_PAGES + " pages");
  }
}
