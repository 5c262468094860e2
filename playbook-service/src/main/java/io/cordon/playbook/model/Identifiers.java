package io.cordon.playbook.model;

import java.util.regex.Pattern;

/** Playbook names and step ids: lowercase, URL-safe, 1 to 64 characters. */
public final class Identifiers {

  /** The pattern the playbook JSON Schema uses for {@code name} and {@code steps[].id}. */
  public static final String PATTERN = "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$";

  public static final String RULE =
      "must be 1-64 lowercase letters, digits or '-', starting and ending with a letter or digit";

  private static final Pattern SYNTAX = Pattern.compile(PATTERN);

  private Identifiers() {}

  public static boolean isValid(String value) {
    return value != null && SYNTAX.matcher(value).matches();
  }
}
