package io.cordon.commons.security;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;

/**
 * The second pair of eyes on a step one person began (a held report released, a protected account's
 * override approved): a person, not an application acting as itself, told apart from the first by
 * unchangeable identity (docs/security.md "Who is who"), never by a name that can be renamed or
 * shared. A record from before identities were kept knows only the first person's name.
 */
public final class SecondPerson {
  private SecondPerson() {}

  /**
   * @param firstName the name the first person had, for messages (and the only thing to compare
   *     when {@code firstId} is null)
   * @param firstId the first person's identity ({@link TokenIdentity#idOf}), null on old records
   * @param what what the second person does, e.g. "release report 42"
   * @throws ProblemException 403 when the caller is an application, names no identity, or is the
   *     first person
   */
  public static void require(
      CurrentPrincipal caller, String firstName, String firstId, String what) {
    caller
        .applicationReason()
        .ifPresent(
            reason -> {
              throw forbidden(
                  "Four eyes: to "
                      + what
                      + " takes a person, and this token is an application's own ("
                      + reason
                      + ")");
            });
    String callerId = caller.id();
    if (callerId == null) {
      throw forbidden(
          "Four eyes cannot tell who you are: the token names neither tid and oid nor iss and sub");
    }
    boolean same =
        firstId != null ? firstId.equals(callerId) : caller.name().equalsIgnoreCase(firstName);
    if (same) {
      throw forbidden(
          "Four eyes: "
              + firstName
              + " began this and cannot also "
              + what
              + "; another person must");
    }
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }
}
