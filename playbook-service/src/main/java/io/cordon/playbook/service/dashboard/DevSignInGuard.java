package io.cordon.playbook.service.dashboard;

import io.cordon.commons.security.TokenSettingsGuard;
import io.cordon.playbook.config.DashboardConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Set;

/**
 * Refuses to start a service whose dev sign-in (anyone picks a name and a role, admin included) is
 * switched on where it does not belong: outside the {@code dev} and {@code test} profiles it needs
 * the local stack's own flag, {@code cordon.dashboard.dev-sign-in.local-stack=true}, and must sign
 * with the local stack's issuer, which production services never trust.
 */
@ApplicationScoped
public class DevSignInGuard {
  static final Set<String> PROFILES_ALLOWED = Set.of("dev", "test");

  @Inject DashboardConfig config;

  // before consumers, schedulers and the HTTP port take traffic
  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    check(
        config.devSignIn().enabled(),
        config.devSignIn().localStack(),
        ConfigUtils.getProfiles(),
        config.devSignIn().issuer());
  }

  /** Throws {@link IllegalStateException} (start-up fails) when dev sign-in must not be on. */
  static void check(
      boolean enabled, boolean localStack, List<String> activeProfiles, String issuer) {
    if (!enabled || activeProfiles.stream().anyMatch(PROFILES_ALLOWED::contains)) {
      return;
    }
    if (localStack && !TokenSettingsGuard.LOCAL_ISSUER.equals(issuer.strip())) {
      throw new IllegalStateException(
          "cordon.dashboard.dev-sign-in.issuer is "
              + issuer
              + ": dev sign-in signs as the local stack's own issuer ("
              + TokenSettingsGuard.LOCAL_ISSUER
              + ") only, so no service trusting a real issuer ever accepts its tokens.");
    }
    if (localStack) {
      return;
    }
    throw new IllegalStateException(
        "cordon.dashboard.dev-sign-in.enabled=true in profile(s) "
            + activeProfiles
            + ": dev sign-in lets anyone sign in with any role and is for the dev and test profiles"
            + " and the local stack only. Switch it off and sign in with OIDC"
            + " (cordon.dashboard.oidc.*); the local stack launcher alone sets"
            + " cordon.dashboard.dev-sign-in.local-stack=true.");
  }
}
