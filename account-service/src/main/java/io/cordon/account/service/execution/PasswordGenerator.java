package io.cordon.account.service.execution;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fresh password per reset: 32 characters from SecureRandom with every Entra complexity class
 * present. It lives only in the request body to Graph; nobody needs it, since the user must reset
 * it with MFA.
 */
public final class PasswordGenerator {
  public static final int LENGTH = 32;
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#$%&()*+-.:;<=>?@[]^_{|}~";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordGenerator() {}

  public static String generate() {
    List<Character> characters = new ArrayList<>(LENGTH);
    for (String mustHave : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
      characters.add(pick(mustHave));
    }
    while (characters.size() < LENGTH) {
      characters.add(pick(ALL));
    }
    Collections.shuffle(characters, RANDOM);
    StringBuilder password = new StringBuilder(LENGTH);
    characters.forEach(password::append);
    return password.toString();
  }

  private static char pick(String alphabet) {
    return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
  }
}
