package io.cordon.contracts.events;

import io.cordon.contracts.EventFormatException;
import java.util.List;
import java.util.Locale;

/**
 * A compromised account as partners may see it; notification-service drops the UPN for partners
 * with {@code summary} disclosure.
 *
 * @param domain lower-case domain part of the UPN, matched against partner domain scopes
 * @param groupIds ids of the account's groups, matched against partner group scopes
 */
public record AffectedAccount(String userPrincipalName, String domain, List<String> groupIds) {

  private static final String TYPE = "AffectedAccount";

  public AffectedAccount {
    Check.text(userPrincipalName, TYPE, "userPrincipalName");
    Check.text(domain, TYPE, "domain");
    groupIds = Check.list(groupIds, TYPE, "groupIds");
  }

  /** Derives {@link #domain()} from the UPN so every producer matches domains the same way. */
  public static AffectedAccount of(String userPrincipalName, List<String> groupIds) {
    return new AffectedAccount(userPrincipalName, domainOf(userPrincipalName), groupIds);
  }

  public static String domainOf(String userPrincipalName) {
    int at = userPrincipalName == null ? -1 : userPrincipalName.lastIndexOf('@');
    if (at < 0 || at == userPrincipalName.length() - 1) {
      throw EventFormatException.invalidField(
          TYPE, "userPrincipalName", "has no domain: '" + userPrincipalName + "'");
    }
    return userPrincipalName.substring(at + 1).toLowerCase(Locale.ROOT);
  }
}
