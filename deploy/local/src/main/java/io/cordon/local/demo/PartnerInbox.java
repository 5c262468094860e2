package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one partner's endpoint received: verified notices (redeliveries included) and rejects. */
public final class PartnerInbox {
  private final List<JsonNode> notices = new ArrayList<>();
  private final Set<String> webhookIds = new LinkedHashSet<>();
  private int rejected;

  synchronized void accepted(String webhookId, JsonNode notice) {
    webhookIds.add(webhookId);
    notices.add(notice);
  }

  synchronized void rejected() {
    rejected++;
  }

  /** Distinct {@code webhook-id}s: a redelivery of the same notice keeps its id. */
  public synchronized Set<String> webhookIds() {
    return Set.copyOf(webhookIds);
  }

  public synchronized List<JsonNode> notices() {
    return List.copyOf(notices);
  }

  public synchronized int rejectedCount() {
    return rejected;
  }
}
