package io.cordon.commons.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a bearer token is read beyond MicroProfile JWT's own checks (docs/security.md). */
@ConfigMapping(prefix = "cordon.security.token")
public interface TokenConfig {

  /**
   * The one claim roles come from. Entra ID issues app roles in {@code roles}; a token's {@code
   * groups} (MicroProfile JWT's default, in Entra the tenant's groups) grants nothing unless named
   * here, so another app's role or a group called {@code admin} never becomes Cordon's admin.
   */
  @WithDefault("roles")
  String rolesClaim();

  /**
   * Start without {@code mp.jwt.verify.audiences}: only for the {@code dev} and {@code test}
   * profiles (set there in service-commons' defaults). Elsewhere a service without an audience
   * would accept a token its issuer minted for any other application of the tenant, so it refuses
   * to start.
   */
  @WithDefault("false")
  boolean allowMissingAudience();

  /**
   * Set by the local stack launcher ({@code deploy/local}) only: lets a service trust {@link
   * TokenSettingsGuard#LOCAL_ISSUER}, the issuer of the local stack's dev tokens and dev sign-in,
   * outside the {@code dev} and {@code test} profiles.
   */
  @WithDefault("false")
  boolean localStack();
}
