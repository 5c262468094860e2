package io.cordon.commons.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical content of an entry and its chain hash: SHA-256 over the previous hash and every
 * field, each written as {@code <length>:<value>;} (null as {@code ~;}) so no two different entries
 * share a canonical form.
 */
public final class AuditCanon {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditCanon() {}

  public static String hash(AuditRecord entry) {
    return sha256(entry.prevHash() + "\n" + canonical(entry));
  }

  static String canonical(AuditRecord e) {
    StringBuilder out = new StringBuilder(512);
    field(out, Long.toString(e.seq()));
    field(out, e.id());
    // timestamps are stored with microsecond precision; the writer truncates before hashing
    field(out, DateTimeFormatter.ISO_INSTANT.format(e.at()));
    field(out, e.actor().type().name());
    field(out, e.actor().name());
    field(out, e.actor().roles());
    field(out, e.kind());
    field(out, e.action());
    field(out, e.subject());
    field(out, e.accountId());
    field(out, e.accountUpn());
    field(out, e.incidentId());
    field(out, e.runId());
    field(out, e.before());
    field(out, e.after());
    field(out, e.result());
    field(out, e.reason());
    field(out, e.correlationId());
    return out.toString();
  }

  private static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("~;");
    } else {
      out.append(value.length()).append(':').append(value).append(';');
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
