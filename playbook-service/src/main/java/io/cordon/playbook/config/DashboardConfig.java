package io.cordon.playbook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The dashboard at {@code /} (docs/dashboard.md): where it signs in and where notices live. */
@ConfigMapping(prefix = "cordon.dashboard")
public interface DashboardConfig {

  /**
   * Base URL of notification-service as the browser reaches it (e.g. {@code
   * http://localhost:8083}); without it the page shows no partner notices. That service must allow
   * the dashboard's origin by CORS.
   */
  Optional<String> notificationsUrl();

  Oidc oidc();

  DevSignIn devSignIn();

  /** Sign-in at an OIDC provider: authorization code with PKCE, done by the page itself. */
  interface Oidc {
    /** The issuer; the page reads {@code <authority>/.well-known/openid-configuration}. */
    Optional<String> authority();

    /** The public (SPA) client registered at the provider; no secret. */
    Optional<String> clientId();

    /** Scopes asked for; the access token must carry the roles the API checks. */
    @WithDefault("openid profile")
    String scopes();
  }

  /**
   * For the local stack only: the page lets anyone pick a name and a role, and this service signs a
   * short-lived token with {@code smallrye.jwt.sign.key.location}. Never enable it elsewhere.
   */
  interface DevSignIn {
    @WithDefault("false")
    boolean enabled();

    /**
     * Set by the local stack launcher ({@code deploy/local}) only: lets {@link #enabled()} start
     * outside the {@code dev} and {@code test} profiles. Without it the service refuses to start.
     */
    @WithDefault("false")
    boolean localStack();

    @WithDefault("30m")
    Duration tokenLifetime();

    /**
     * The {@code iss} of issued tokens: the local stack's own issuer, which production services
     * refuse to trust (service-commons {@code TokenSettingsGuard.LOCAL_ISSUER}); outside the {@code
     * dev} and {@code test} profiles no other value starts.
     */
    @WithDefault("https://cordon.local/dev") // TokenSettingsGuard.LOCAL_ISSUER (DevSignInGuardTest)
    String issuer();

    /** Roles a dev user may pick. */
    @WithDefault("viewer,responder,approver,admin")
    List<String> roles();
  }
}
