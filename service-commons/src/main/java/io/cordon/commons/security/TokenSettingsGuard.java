package io.cordon.commons.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a service whose token verification would accept more than Cordon's own tokens:
 * no audience ({@code mp.jwt.verify.audiences}: any token its issuer minted for another application
 * of the tenant would pass, and with it that application's role named {@code admin}), or the local
 * stack's issuer outside the local stack (anyone who reaches a dev sign-in page could mint it).
 */
@ApplicationScoped
public class TokenSettingsGuard {
  /**
   * The issuer of the local stack's dev tokens and of dashboard dev sign-in; never production's.
   */
  public static final String LOCAL_ISSUER = "https://cordon.local/dev";

  static final Set<String> PROFILES_ALLOWED = Set.of("dev", "test");

  @Inject TokenConfig config;

  /** What the guard looks at, read from the service's configuration. */
  record Settings(
      List<String> audiences,
      Optional<String> issuer,
      boolean allowMissingAudience,
      boolean localStack) {}

  // before consumers, schedulers and the HTTP port take traffic
  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    var source = ConfigProvider.getConfig();
    List<String> audiences =
        source.getOptionalValues("mp.jwt.verify.audiences", String.class).orElse(List.of());
    check(
        new Settings(
            audiences,
            source.getOptionalValue("mp.jwt.verify.issuer", String.class),
            config.allowMissingAudience(),
            config.localStack()),
        ConfigUtils.getProfiles());
  }

  /** Throws {@link IllegalStateException} (start-up fails) when the settings trust too much. */
  static void check(Settings settings, List<String> activeProfiles) {
    boolean devOrTest = activeProfiles.stream().anyMatch(PROFILES_ALLOWED::contains);
    boolean noAudience = settings.audiences().stream().allMatch(String::isBlank);
    if (noAudience && !settings.allowMissingAudience()) {
      throw new IllegalStateException(
          "mp.jwt.verify.audiences is not set (profile(s) "
              + activeProfiles
              + "): a token the issuer minted for any other application would be accepted, roles"
              + " included. Set it (MP_JWT_VERIFY_AUDIENCES) to the aud of tokens for Cordon's API:"
              + " with Entra ID v2 tokens the API app registration's client id.");
    }
    if (settings.issuer().map(String::strip).filter(LOCAL_ISSUER::equals).isPresent()
        && !devOrTest
        && !settings.localStack()) {
      throw new IllegalStateException(
          "mp.jwt.verify.issuer is "
              + LOCAL_ISSUER
              + ", the local stack's dev issuer, in profile(s) "
              + activeProfiles
              + ": its tokens are minted by anyone who reaches a dev sign-in page. Trust your OIDC"
              + " provider's issuer instead; only the local stack launcher sets"
              + " cordon.security.token.local-stack=true.");
    }
  }
}
