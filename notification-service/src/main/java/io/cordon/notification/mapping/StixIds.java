package io.cordon.notification.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic STIX identifiers: name-based UUIDs (version 5, RFC 9562), so a notice's bundle is
 * the same on every redelivery and a receiver recognises an object it has seen.
 */
public final class StixIds {
  /** Cordon's namespace for the objects of its notices. */
  static final UUID CORDON = UUID.fromString("5b1c9a54-7d1e-4d7a-9c4b-0c0b3a6e9f21");

  /** The namespace STIX 2.1 (§2.9) gives for deterministic cyber-observable ids. */
  static final UUID STIX_SCO = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

  private StixIds() {}

  /** {@code <kind>--<uuid5(notice id, kind, value)>}. */
  public static String of(UUID noticeId, String kind, String value) {
    return kind + "--" + uuid5(CORDON, noticeId + "|" + kind + "|" + value);
  }

  public static UUID uuid5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong());
  }
}
