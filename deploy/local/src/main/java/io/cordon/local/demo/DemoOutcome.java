package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a demo incident ended with: the final run, the notices and what each partner received. */
public record DemoOutcome(
    String incidentId,
    String reportId,
    JsonNode intake,
    JsonNode run,
    List<JsonNode> approvals,
    List<JsonNode> notices,
    Map<String, JsonNode> partners,
    Map<String, PartnerInbox> inboxes,
    Duration wallTime) {}
