package io.cordon.commons.security;

import jakarta.json.JsonString;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a token stands for, in claims its holder cannot change (docs/security.md "Who is who").
 *
 * <p>A name ({@code upn}, {@code preferred_username}, {@code email}) can be renamed or given to
 * someone else, so four eyes never compares one. The identity is Entra's tenant and object id when
 * the token carries both ({@code tid}, {@code oid}: the same person in v1 and v2 tokens, whichever
 * app asked), else the issuer and the subject ({@code iss}, {@code sub}: unique and never
 * reassigned per OpenID Connect Core §2).
 *
 * <p>An application's own token (client credentials: no person signed in) may hold roles but stands
 * for nobody who could take responsibility for a decision. It is recognised by Entra's {@code
 * idtyp=app} claim, or by being an Entra token ({@code tid}) without {@code scp}: Entra puts the
 * delegated scopes in every token issued to a signed-in user and never in an application's own.
 * Other providers mark such tokens with {@code idtyp=app}.
 */
public final class TokenIdentity {
  static final String ENTRA_PREFIX = "entra:";
  static final String ISSUER_PREFIX = "iss:";

  private TokenIdentity() {}

  /**
   * {@code entra:<tid>/<oid>} or {@code iss:<iss> <sub>} (an issuer URL holds no space, so the two
   * parts never run into each other); empty when the token names neither.
   */
  public static Optional<String> idOf(JsonWebToken token) {
    String tenant = text(token, "tid");
    String object = text(token, "oid");
    if (tenant != null && object != null) {
      return Optional.of(
          ENTRA_PREFIX + tenant.toLowerCase(Locale.ROOT) + "/" + object.toLowerCase(Locale.ROOT));
    }
    String issuer = token.getIssuer();
    String subject = token.getSubject();
    if (issuer != null && !issuer.isBlank() && subject != null && !subject.isBlank()) {
      return Optional.of(ISSUER_PREFIX + issuer + " " + subject);
    }
    return Optional.empty();
  }

  /** Why the token is an application's own rather than a person's; empty for a person's. */
  public static Optional<String> applicationReason(JsonWebToken token) {
    if ("app".equalsIgnoreCase(text(token, "idtyp"))) {
      return Optional.of("its idtyp claim says app");
    }
    if (text(token, "tid") != null && !token.containsClaim("scp")) {
      return Optional.of(
          "it is an Entra token without scp, which Entra issues only to an application acting"
              + " as itself");
    }
    return Optional.empty();
  }

  private static String text(JsonWebToken token, String claim) {
    Object value = token.getClaim(claim);
    String text = null;
    if (value instanceof JsonString json) {
      text = json.getString();
    } else if (value instanceof String string) {
      text = string;
    }
    return text == null || text.isBlank() ? null : text.strip();
  }
}
