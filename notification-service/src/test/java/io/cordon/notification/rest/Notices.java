package io.cordon.notification.rest;

import static io.cordon.notification.rest.Partners.as;
import static org.awaitility.Awaitility.await;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.RunState;
import io.cordon.contracts.Severity;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionTally;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.AffectedScopes;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.Indicator;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.RunSummary;
import io.cordon.contracts.events.ScopeCount;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Requests, partners and reads for the notice tests. Every name, group, domain and tag is made
 * unique per test, so a test never matches partners another test (or another test class sharing the
 * database) registered.
 */
final class Notices {
  static final String PATH = "/api/v1/notifications";
  static final String RESPONDER = TestJwt.token("responder@cordon.test", TestJwt.RESPONDER);
  static final Duration WAIT = Duration.ofSeconds(30);

  private Notices() {}

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A partner body with exactly the given scopes and channels. */
  static Map<String, Object> partner(
      String name,
      String webhookUrl,
      String secret,
      List<String> contacts,
      List<?> groups,
      List<String> domains,
      List<String> tags,
      String disclosure) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("contacts", contacts);
    if (webhookUrl != null) {
      Map<String, Object> webhook = new LinkedHashMap<>();
      webhook.put("url", webhookUrl);
      webhook.put("secret", secret);
      body.put("webhook", webhook);
    }
    body.put("scopes", Map.of("groups", groups, "domains", domains, "tags", tags));
    body.put("disclosure", disclosure);
    body.put("tlp", "amber");
    return body;
  }

  /** An incident affecting some accounts; build with {@link #account} and {@link #request}. */
  static final class Incident {
    final String id = unique("INC");
    final List<GroupRef> groups = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<AffectedAccount> accounts = new ArrayList<>();

    GroupRef group(String displayName) {
      GroupRef group = new GroupRef(UUID.randomUUID().toString(), displayName);
      groups.add(group);
      return group;
    }

    Incident tag(String tag) {
      tags.add(tag);
      return this;
    }

    AffectedAccount account(String upn, GroupRef... groupsOfAccount) {
      AffectedAccount account =
          AffectedAccount.of(
              upn, java.util.Arrays.stream(groupsOfAccount).map(GroupRef::id).toList());
      accounts.add(account);
      return account;
    }

    /** The account, in this Entra tenant (directory id). */
    AffectedAccount inTenant(AffectedAccount account, String tenantId) {
      AffectedAccount placed = account.inTenant(tenantId);
      accounts.replaceAll(a -> a == account ? placed : a);
      return placed;
    }

    /** The account, as the incident's evidence names indicators of compromise for it. */
    AffectedAccount indicators(AffectedAccount account, Indicator... indicators) {
      AffectedAccount marked = account.withIndicators(List.of(indicators));
      accounts.replaceAll(a -> a == account ? marked : a);
      return marked;
    }

    NotificationRequested request() {
      return request(EventIds.random());
    }

    /** The accounts, each with this containment, as the producer knows them at that moment. */
    Incident contained(String containment, Instant containedAt) {
      accounts.replaceAll(
          a -> a.withExposure(Boolean.TRUE.equals(a.privileged()), containment, containedAt, null));
      return this;
    }

    /** A request at the given state of the run, e.g. its final figures. */
    NotificationRequested request(RunState state) {
      NotificationRequested running = request();
      return new NotificationRequested(
          running.schemaVersion(),
          running.eventId(),
          running.notificationId(),
          running.incident(),
          new RunSummary(
              running.runSummary().runId(),
              running.runSummary().playbook(),
              state,
              running.runSummary().accountsTotal(),
              running.runSummary().startedAt(),
              state.isFinal() ? Instant.now() : null),
          running.affectedScopes(),
          running.scopeCounts(),
          running.actionsTaken(),
          running.affectedAccounts(),
          running.requestedAt());
    }

    NotificationRequested request(String eventId) {
      List<String> domains = accounts.stream().map(AffectedAccount::domain).distinct().toList();
      List<ScopeCount> counts = new ArrayList<>();
      for (GroupRef group : groups) {
        counts.add(
            new ScopeCount(
                ScopeCount.GROUP,
                group.id(),
                (int) accounts.stream().filter(a -> a.groupIds().contains(group.id())).count()));
      }
      for (String domain : domains) {
        counts.add(
            new ScopeCount(
                ScopeCount.DOMAIN,
                domain,
                (int) accounts.stream().filter(a -> a.domain().equals(domain)).count()));
      }
      return new NotificationRequested(
          NotificationRequested.SCHEMA_VERSION,
          eventId,
          UUID.randomUUID().toString(),
          new IncidentRef(id, "Accounts leaked through VPN flaw", Severity.HIGH),
          new RunSummary(
              UUID.randomUUID().toString(),
              "contain-compromised-account",
              RunState.RUNNING,
              accounts.size(),
              Instant.now().minusSeconds(60),
              null),
          new AffectedScopes(List.copyOf(groups), domains, List.copyOf(tags)),
          counts,
          List.of(new ActionTally(ActionType.REVOKE_SESSIONS, accounts.size(), 0, 0, 0)),
          List.copyOf(accounts),
          Instant.now());
    }
  }

  static void publish(NotificationRequested request) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(Topics.PARTNER_NOTIFICATIONS, request.incident().id(), EventJson.write(request));
    }
  }

  /** All notices of the incident, as the API lists them. */
  static JsonPath noticesOf(String incidentId) {
    return as(Partners.VIEWER)
        .queryParam("incident", incidentId)
        .queryParam("limit", 1000)
        .get(PATH)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits until the incident's notices satisfy {@code condition}, then returns them. */
  static JsonPath awaitNotices(String incidentId, Predicate<JsonPath> condition) {
    JsonPath[] last = new JsonPath[1];
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = noticesOf(incidentId);
              return condition.test(last[0]);
            });
    return last[0];
  }

  /** Waits until every delivery of the incident's {@code count} notices is final. */
  static JsonPath awaitSettled(String incidentId, int count) {
    return awaitNotices(
        incidentId,
        notices ->
            notices.getList("items").size() == count
                && notices.getList("items.deliveries.flatten().status", String.class).stream()
                    .noneMatch("PENDING"::equals));
  }

  /** The webhook delivery of the partner's notice with the given sequence. */
  static Map<String, Object> webhookDelivery(JsonPath notices, String partnerId, int sequence) {
    return notices.getMap(
        "items.find { it.partner.id == '"
            + partnerId
            + "' && it.sequence == "
            + sequence
            + " }.deliveries.find { it.channel == 'webhook' }");
  }

  /** A result event on cordon.notification-results: CloudEvents type, Kafka key, payload. */
  record Result(String type, String key, JsonPath event) {}

  /** Result events about one partner, in topic order per partition. */
  static List<Result> results(String partnerId) {
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      List<Result> results = new ArrayList<>();
      for (var record : kafka.readAll(Topics.NOTIFICATION_RESULTS)) {
        JsonPath event = new JsonPath(record.value());
        if (partnerId.equals(event.getString("partnerId"))) {
          var type = record.headers().lastHeader("ce_type");
          results.add(
              new Result(
                  type == null
                      ? ""
                      : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8),
                  record.key(),
                  event));
        }
      }
      return results;
    }
  }

  /** Waits until {@code count} result events about the partner are on the topic. */
  static List<Result> awaitResults(String partnerId, int count) {
    List<List<Result>> last = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last.add(0, results(partnerId));
              return last.get(0).size() >= count;
            });
    return last.get(0);
  }
}
