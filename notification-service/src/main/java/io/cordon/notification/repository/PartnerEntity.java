package io.cordon.notification.repository;

import io.cordon.contracts.Disclosure;
import io.cordon.contracts.Tlp;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A registered partner organisation (DESIGN §3, §7). */
@Entity
@Table(name = "partner")
public class PartnerEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  /** The name as uniqueness and ordering see it: trimmed, lower case. */
  @Column(name = "name_key", nullable = false, unique = true)
  public String nameKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Disclosure disclosure;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Tlp tlp;

  @Column(name = "webhook_url")
  public String webhookUrl;

  /**
   * Set when the endpoint answered 410 Gone: no webhook is sent to it until someone re-enables it.
   */
  @Column(name = "webhook_disabled_at")
  public Instant webhookDisabledAt;

  @Column(name = "webhook_disabled_reason")
  public String webhookDisabledReason;

  @ElementCollection
  @CollectionTable(name = "partner_contact", joinColumns = @JoinColumn(name = "partner_id"))
  @OrderColumn(name = "position")
  @Column(name = "email", nullable = false)
  public List<String> contacts = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "partner_scope", joinColumns = @JoinColumn(name = "partner_id"))
  @OrderColumn(name = "position")
  public List<ScopeEntry> scopes = new ArrayList<>();

  @OneToMany(mappedBy = "partner", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("createdAt")
  public List<WebhookSecretEntity> webhookSecrets = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;
}
