package io.cordon.playbook.service.dashboard;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.security.TokenConfig;
import io.cordon.playbook.config.DashboardConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues tokens for the dashboard's dev sign-in (local stack only): the caller names themself and a
 * role, and gets a JWT signed with the key at {@code smallrye.jwt.sign.key.location}, which the API
 * then verifies like any other. Its issuer is the local stack's own ({@code
 * cordon.dashboard.dev-sign-in.issuer}, never the production one), which production services refuse
 * to trust; the role goes in the claim roles are read from, the audience is the services' own.
 */
@ApplicationScoped
public class DevSignIn {
  /** A UPN-like or plain name: no spaces or control characters, so logs and records stay clean. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

  @Inject DashboardConfig config;

  @Inject TokenConfig tokens;

  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<List<String>> audiences;

  public boolean enabled() {
    return config.devSignIn().enabled();
  }

  public DevToken issue(String name, String role) {
    if (!enabled()) {
      throw ProblemException.notFound("Dev sign-in (cordon.dashboard.dev-sign-in.enabled=false)");
    }
    if (name == null || !NAME.matcher(name.strip()).matches()) {
      throw ProblemException.invalidField(
          "name", "is required: 1-100 letters, digits or . _ @ + -, e.g. bob@jaxa.example");
    }
    if (role == null || !config.devSignIn().roles().contains(role.strip())) {
      throw ProblemException.invalidField(
          "role", "must be one of " + String.join(", ", config.devSignIn().roles()));
    }
    Instant now = Instant.now();
    Instant expiresAt = now.plus(config.devSignIn().tokenLifetime());
    String principal = name.strip();
    var claims =
        Jwt.issuer(config.devSignIn().issuer())
            .upn(principal)
            .subject(principal)
            .claim(tokens.rolesClaim(), List.of(role.strip()))
            .issuedAt(now)
            .expiresAt(expiresAt);
    audiences.filter(list -> !list.isEmpty()).ifPresent(list -> claims.audience(Set.copyOf(list)));
    String token = claims.sign();
    return new DevToken(token, expiresAt);
  }

  /** A signed token and when it stops working. */
  public record DevToken(String accessToken, Instant expiresAt) {}
}
