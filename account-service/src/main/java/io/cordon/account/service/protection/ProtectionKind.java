package io.cordon.account.service.protection;

import io.cordon.commons.problem.ProblemException;
import java.util.Locale;

/** What a protected entry names: one user, or a group whose members are all protected. */
public enum ProtectionKind {
  USER,
  GROUP;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code user} or {@code group} in any case; a 400 naming {@code kind} otherwise. */
  public static ProtectionKind parse(String value) {
    if (value != null) {
      for (ProtectionKind kind : values()) {
        if (kind.name().equalsIgnoreCase(value.strip())) {
          return kind;
        }
      }
    }
    throw ProblemException.invalidField("kind", "must be user or group");
  }
}
