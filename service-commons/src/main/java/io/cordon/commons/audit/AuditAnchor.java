package io.cordon.commons.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The chain head as a service saw it at {@code at}, signed with a key its database never holds
 * (docs/security.md "Audit anchors"). Published to {@code cordon.audit-anchors} (compacted, keyed
 * by service) and put in the evidence export; {@code /audit/verify} holds the chain to it, so a
 * rewrite by anyone with the database's keys alone (edit, re-hash, move the head) is found.
 *
 * @param service whose chain: the publishing service's {@code quarkus.application.name}
 * @param seq the number of entries the head recorded
 * @param hash the hash of entry {@code seq} ({@link AuditCanon#GENESIS} for an empty chain)
 * @param signature HMAC-SHA256 of {@link #signedText()}, base64
 */
public record AuditAnchor(String service, long seq, String hash, Instant at, String signature) {

  /** What the signature covers: every field, one per line, behind a version tag. */
  public String signedText() {
    return "cordon-audit-anchor/1\n"
        + service
        + "\n"
        + seq
        + "\n"
        + hash
        + "\n"
        + DateTimeFormatter.ISO_INSTANT.format(at);
  }
}
