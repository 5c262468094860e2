package io.cordon.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One accepted entry of a report and, once resolved, the Entra facts about that account. */
@Entity
@Table(name = "report_account")
public class ReportAccountEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "report_id")
  public UUID reportId;

  public int position;

  @Column(name = "identifier_kind")
  public String identifierKind;

  public String identifier;

  @Column(name = "tenant_hint")
  public String tenantHint;

  /** The configured tenant this entry was routed to at intake (null: the primary one). */
  @Column(name = "tenant_name")
  public String tenantName;

  public String resolution;

  @Column(name = "resolution_reason")
  public String resolutionReason;

  @Column(name = "object_id")
  public String objectId;

  @Column(name = "user_principal_name")
  public String userPrincipalName;

  @Column(name = "tenant_id")
  public String tenantId;

  @Column(name = "user_type")
  public String userType;

  @Column(name = "on_premises_synced")
  public Boolean onPremisesSynced;

  @Column(name = "account_enabled")
  public Boolean accountEnabled;

  @Column(name = "privileged_roles", columnDefinition = "text")
  public String privilegedRoles;

  @Column(name = "groups_json", columnDefinition = "text")
  public String groupsJson;

  /** The latest activity the evidence states for the account; null when it gave none. */
  @Column(name = "activity_at")
  public Instant activityAt;

  /** The earliest attacker activity the evidence states for the account; null when none. */
  @Column(name = "first_seen_at")
  public Instant firstSeenAt;

  /** The indicators of compromise the evidence names, a JSON array of Indicator; null if none. */
  @Column(name = "indicators_json", columnDefinition = "text")
  public String indicatorsJson;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;
}
