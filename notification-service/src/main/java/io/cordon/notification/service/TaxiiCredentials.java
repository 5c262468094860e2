package io.cordon.notification.service;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.notification.repository.PartnerRepository;
import io.cordon.notification.repository.TaxiiCredentialEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, rotates and checks partners' TAXII credentials. Issuing again rotates: the old token
 * stops working at once (a partner that lost control of it must not keep a grace period).
 */
@ApplicationScoped
public class TaxiiCredentials {
  static final String TOKEN_PREFIX = "taxii_";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject PartnerRepository partners;
  @Inject Audit audit;

  /** The new token, shown once; the partner id is the user name. */
  public record Issued(UUID partnerId, String token, Instant issuedAt) {}

  @Transactional
  public Issued issue(UUID partnerId, String actor) {
    if (partners.findById(partnerId) == null) {
      throw PartnerService.notFound(partnerId);
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    TaxiiCredentialEntity credential = TaxiiCredentialEntity.findById(partnerId);
    boolean rotated = credential != null;
    if (credential == null) {
      credential = new TaxiiCredentialEntity();
      credential.partnerId = partnerId;
    }
    credential.tokenHash = digest(token);
    credential.issuedBy = actor;
    credential.issuedAt = Instant.now();
    credential.persist();
    audit.record(
        AuditEntry.of(AuditKind.PARTNER, "partner.taxii-credential-issued", partnerId.toString())
            .withChange(null, Map.of("rotated", rotated))
            .withResult(rotated ? "ROTATED" : "ISSUED", null));
    return new Issued(partnerId, token, credential.issuedAt);
  }

  @Transactional
  public void revoke(UUID partnerId) {
    if (TaxiiCredentialEntity.deleteById(partnerId)) {
      audit.record(
          AuditEntry.of(AuditKind.PARTNER, "partner.taxii-credential-revoked", partnerId.toString())
              .withResult("REVOKED", null));
    } else if (partners.findById(partnerId) == null) {
      throw PartnerService.notFound(partnerId);
    }
  }

  /** The partner whose credential this is; empty for any mismatch, without saying which part. */
  @Transactional
  public Optional<UUID> authenticate(String user, String token) {
    UUID partnerId;
    try {
      partnerId = UUID.fromString(user);
    } catch (IllegalArgumentException notAPartnerId) {
      return Optional.empty();
    }
    TaxiiCredentialEntity credential = TaxiiCredentialEntity.findById(partnerId);
    byte[] presented = digest(token).getBytes(StandardCharsets.US_ASCII);
    byte[] expected =
        (credential == null ? digest("") : credential.tokenHash)
            .getBytes(StandardCharsets.US_ASCII);
    // constant time, and a digest compared even for an unknown partner
    boolean matches = MessageDigest.isEqual(presented, expected) && credential != null;
    return matches ? Optional.of(partnerId) : Optional.empty();
  }

  static String digest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
