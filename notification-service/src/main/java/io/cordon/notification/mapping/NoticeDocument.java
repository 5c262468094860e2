package io.cordon.notification.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.Severity;
import io.cordon.contracts.events.ActionTally;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The webhook envelope of a partner notice (DESIGN §7), also the source of the e-mail text. Field
 * order is the JSON order. Nulls are left out: {@code followUpOf} appears on follow-ups only and
 * {@code accounts} only for partners with {@code accounts} disclosure, {@code stix} only when the
 * partner's accounts name indicators of compromise.
 */
public record NoticeDocument(String type, Instant timestamp, Data data) {

  public static final String TYPE = "cordon.partner-notice.v1";

  /**
   * @param followUpOf the partner's first notice about the incident, on follow-ups
   * @param tlp the TLP 2.0 marking, e.g. {@code TLP:AMBER}
   * @param exposure what the incident means for this partner
   * @param accounts UPNs of the affected accounts in the partner's scope; accounts disclosure only
   * @param stix the indicators of compromise of the partner's accounts as a STIX 2.1 bundle; only
   *     when they name any (see {@link StixBundles})
   */
  public record Data(
      String noticeId,
      int sequence,
      String followUpOf,
      Incident incident,
      Partner partner,
      String tlp,
      String disclosure,
      Summary summary,
      Exposure exposure,
      List<String> accounts,
      JsonNode stix) {}

  public record Incident(String id, String title, Severity severity) {}

  public record Partner(String id, String name) {}

  /**
   * Counts, scopes, actions and status: what every partner may see. Never account names.
   *
   * @param status the remediation run's state when the notice was requested
   * @param accountsTotal compromised accounts in the whole incident
   * @param accountsInScope of those, the ones in a group or domain the partner registered
   * @param scopes only the partner's own scopes that the incident meets
   */
  public record Summary(
      String status,
      String playbook,
      Instant startedAt,
      Instant finishedAt,
      Instant requestedAt,
      int accountsTotal,
      int accountsInScope,
      List<Scope> scopes,
      List<ActionTally> actions) {}

  /**
   * The partner's exposure. Absent facts (an older producer, no evidence of activity) are left out.
   *
   * @param accounts compromised accounts in the partner's scopes
   * @param privileged of the accounts concerned, those holding a directory role
   * @param firstActivityAt the earliest attacker activity the evidence names: the window opens
   * @param containedAt when the last of the partner's accounts was contained: the window closes;
   *     only once every one is
   * @param status the least finished containment state among them ({@code IN_PROGRESS}, {@code
   *     UNCONTAINED}, {@code PARTIAL}, {@code REQUIRES_MANUAL}), else {@code CONTAINED}
   * @param containment how many of them are in each containment state
   */
  public record Exposure(
      int accounts,
      int privileged,
      Instant firstActivityAt,
      Instant containedAt,
      String status,
      Map<String, Integer> containment) {}

  /**
   * @param type {@code group}, {@code domain} or {@code tag}
   * @param value the group object id, the domain or the tag
   * @param displayName the group's name, for groups
   * @param accounts compromised accounts in the scope, when known
   */
  public record Scope(String type, String value, String displayName, Integer accounts) {}
}
