package io.cordon.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How much a partner notice reveals (DESIGN.md §7). */
public enum Disclosure {
  /** Counts, scopes, actions and status; no account names. */
  SUMMARY,
  /** Everything in {@link #SUMMARY} plus the affected UPNs. */
  ACCOUNTS;

  /** Accepts the REST spelling ({@code "summary"}) as well as the enum name. */
  @JsonCreator
  public static Disclosure parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("disclosure must be one of summary, accounts");
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "disclosure must be one of summary, accounts but was '" + value + "'");
    }
  }
}
