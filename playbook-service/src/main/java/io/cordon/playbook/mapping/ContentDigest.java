package io.cordon.playbook.mapping;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 9530 {@code Content-Digest} of a response body: {@code sha-256=:<base64>:}. */
public final class ContentDigest {
  public static final String HEADER = "Content-Digest";

  private ContentDigest() {}

  public static String sha256(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
