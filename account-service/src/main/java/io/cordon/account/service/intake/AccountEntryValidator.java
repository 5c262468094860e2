package io.cordon.account.service.intake;

import io.cordon.account.model.AccountIdentifier;
import java.util.regex.Pattern;

/**
 * Validates one account reference the way Entra ID accepts them: a GUID object id, or a UPN whose
 * user part uses the characters Entra allows and whose domain is a plain ASCII host name. Lookalike
 * letters from other scripts are refused rather than guessed at.
 */
public final class AccountEntryValidator {
  private static final Pattern GUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern UPN_USER = Pattern.compile("^[A-Za-z0-9'._!#^~&%+-]{1,64}$");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
  private static final int MAX_UPN_LENGTH = 113;

  private AccountEntryValidator() {}

  /** Either a normalised identifier or the reason it is refused. */
  public static Result parse(String rawValue, String rawTenant) {
    if (rawValue == null || rawValue.isBlank()) {
      return Result.refused("empty account");
    }
    String value = rawValue.strip();
    String tenantProblem = tenantProblem(rawTenant);
    if (tenantProblem != null) {
      return Result.refused(tenantProblem);
    }
    String tenant = rawTenant == null || rawTenant.isBlank() ? null : rawTenant.strip();
    if (GUID.matcher(value).matches()) {
      return Result.accepted(
          new AccountIdentifier(AccountIdentifier.Kind.OBJECT_ID, value, tenant));
    }
    String upnProblem = upnProblem(value);
    if (upnProblem != null) {
      return Result.refused(upnProblem);
    }
    return Result.accepted(new AccountIdentifier(AccountIdentifier.Kind.UPN, value, tenant));
  }

  private static String upnProblem(String value) {
    if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return "not a UPN or object id: contains whitespace, control or non-ASCII characters";
    }
    int at = value.indexOf('@');
    if (at < 0 || at != value.lastIndexOf('@')) {
      return "not a UPN or object id: a UPN needs exactly one '@'";
    }
    if (value.length() > MAX_UPN_LENGTH) {
      return "UPN longer than " + MAX_UPN_LENGTH + " characters";
    }
    String user = value.substring(0, at);
    String domain = value.substring(at + 1);
    if (!UPN_USER.matcher(user).matches() || user.startsWith(".") || user.endsWith(".")) {
      return "UPN user part has characters Entra ID does not allow";
    }
    if (!DOMAIN.matcher(domain).matches()) {
      return "UPN domain '" + domain + "' is not a valid domain name";
    }
    return null;
  }

  private static String tenantProblem(String rawTenant) {
    if (rawTenant == null || rawTenant.isBlank()) {
      return null;
    }
    String tenant = rawTenant.strip();
    if (GUID.matcher(tenant).matches() || DOMAIN.matcher(tenant).matches()) {
      return null;
    }
    return "tenant must be a tenant id (GUID) or a domain name";
  }

  /** The outcome of validating one entry. */
  public record Result(AccountIdentifier identifier, String refusal) {
    static Result accepted(AccountIdentifier identifier) {
      return new Result(identifier, null);
    }

    static Result refused(String reason) {
      return new Result(null, reason);
    }

    public boolean isAccepted() {
      return identifier != null;
    }
  }
}
