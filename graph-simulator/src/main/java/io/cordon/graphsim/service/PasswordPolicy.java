package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.SimUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Entra's cloud password rules: 8-256 characters from the allowed set, three of four classes
 * (lower, upper, digit, symbol), not containing the user's alias.
 */
@ApplicationScoped
public class PasswordPolicy {
  private static final String SYMBOLS = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();<> ";
  private static final String COMPLEXITY =
      "The specified password does not comply with password complexity requirements. Please"
          + " provide a different password.";

  /** Null when the passwordProfile is acceptable, else Graph's 400. */
  public GraphResponse check(JsonNode profile, SimUser user) {
    if (!profile.isObject()) {
      return GraphErrors.badRequest("Invalid value for property 'passwordProfile'.");
    }
    for (String flag :
        new String[] {"forceChangePasswordNextSignIn", "forceChangePasswordNextSignInWithMfa"}) {
      if (profile.has(flag) && !profile.get(flag).isBoolean()) {
        return GraphErrors.error(
            400,
            "BadRequest",
            "Cannot convert the literal '"
                + profile.get(flag).asText()
                + "' to the expected type 'Edm.Boolean'.");
      }
    }
    JsonNode password = profile.get("password");
    if (password == null || !password.isTextual()) {
      return GraphErrors.badRequest(
          "Invalid value specified for property 'passwordProfile' of resource 'User'.");
    }
    return complies(password.asText(), user) ? null : GraphErrors.badRequest(COMPLEXITY);
  }

  static boolean complies(String password, SimUser user) {
    if (password.length() < 8 || password.length() > 256) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (char c : password.toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (SYMBOLS.indexOf(c) >= 0) {
        symbol = true;
      } else {
        return false;
      }
    }
    int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    if (classes < 3) {
      return false;
    }
    String upn = user.userPrincipalName == null ? "" : user.userPrincipalName;
    String alias = upn.contains("@") ? upn.substring(0, upn.indexOf('@')) : upn;
    return alias.length() < 3
        || !password.toLowerCase(Locale.ROOT).contains(alias.toLowerCase(Locale.ROOT));
  }
}
