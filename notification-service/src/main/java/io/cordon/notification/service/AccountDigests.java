package io.cordon.notification.service;

import io.cordon.contracts.events.AffectedAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Short digests of accounts, to remember which accounts a partner has been told of without keeping
 * their names where the partner may not see them. 64 bits: collisions among the accounts of one
 * incident are not a practical concern.
 */
final class AccountDigests {
  private static final int HEX_CHARS = 16;

  private AccountDigests() {}

  static Set<String> of(List<AffectedAccount> accounts) {
    Set<String> digests = new TreeSet<>();
    accounts.forEach(account -> digests.add(digest(account.userPrincipalName())));
    return digests;
  }

  static Set<String> parse(String stored) {
    if (stored == null || stored.isEmpty()) {
      return new TreeSet<>();
    }
    return new TreeSet<>(Arrays.asList(stored.split(",")));
  }

  static String join(Set<String> digests) {
    return digests.stream().sorted().collect(Collectors.joining(","));
  }

  private static String digest(String userPrincipalName) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(userPrincipalName.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
