package io.cordon.contracts.events;

import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.OptionalField;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A compromised account as partners may see it; notification-service drops the UPN for partners
 * with {@code summary} disclosure. The optional facts describe the partner's exposure; a producer
 * that does not know them leaves them out.
 *
 * @param domain lower-case domain part of the UPN, matched against partner domain scopes
 * @param groupIds ids of the account's groups, matched against partner group scopes
 * @param privileged whether the account holds a directory role
 * @param containment where its containment in the incident stands: {@code UNCONTAINED}, {@code
 *     IN_PROGRESS}, {@code CONTAINED}, {@code PARTIAL}, {@code REQUIRES_MANUAL} or {@code RELEASED}
 * @param containedAt when its containment took effect; absent while it has not
 * @param firstActivityAt the earliest attacker activity the incident's evidence names for it
 * @param indicators indicators of compromise the incident's evidence names for it; partners receive
 *     them as their disclosure level and TLP allow
 * @param tenantId the directory id of the account's Entra tenant, for partners limited to tenants;
 *     never shown to partners. Absent from producers before several tenants
 */
public record AffectedAccount(
    String userPrincipalName,
    String domain,
    List<String> groupIds,
    @OptionalField Boolean privileged,
    @OptionalField String containment,
    @OptionalField Instant containedAt,
    @OptionalField Instant firstActivityAt,
    @OptionalField List<Indicator> indicators,
    @OptionalField String tenantId) {

  private static final String TYPE = "AffectedAccount";

  public AffectedAccount {
    Check.text(userPrincipalName, TYPE, "userPrincipalName");
    Check.text(domain, TYPE, "domain");
    groupIds = Check.list(groupIds, TYPE, "groupIds");
    Check.optionalText(containment, TYPE, "containment");
    indicators = Check.optionalList(indicators, TYPE, "indicators");
    Check.optionalText(tenantId, TYPE, "tenantId");
  }

  /** Derives {@link #domain()} from the UPN so every producer matches domains the same way. */
  public static AffectedAccount of(String userPrincipalName, List<String> groupIds) {
    return new AffectedAccount(
        userPrincipalName,
        domainOf(userPrincipalName),
        groupIds,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The account with what its incident knows about its exposure. */
  public AffectedAccount withExposure(
      boolean privileged, String containment, Instant containedAt, Instant firstActivityAt) {
    return new AffectedAccount(
        userPrincipalName,
        domain,
        groupIds,
        privileged,
        containment,
        containedAt,
        firstActivityAt,
        indicators,
        tenantId);
  }

  /** The account in its Entra tenant (directory id). */
  public AffectedAccount inTenant(String tenantId) {
    return new AffectedAccount(
        userPrincipalName,
        domain,
        groupIds,
        privileged,
        containment,
        containedAt,
        firstActivityAt,
        indicators,
        tenantId);
  }

  /** The account with the indicators its incident's evidence names. */
  public AffectedAccount withIndicators(List<Indicator> indicators) {
    return new AffectedAccount(
        userPrincipalName,
        domain,
        groupIds,
        privileged,
        containment,
        containedAt,
        firstActivityAt,
        indicators,
        tenantId);
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
