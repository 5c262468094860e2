package io.cordon.account.client;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Keeps the app-only token until shortly before it expires: msal's own cache misses whenever the
 * authority URL carries a port, which would cost a token request per Graph call.
 */
public class CachingTokenCredential implements TokenCredential {
  private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final TokenCredential delegate;
  private final AtomicReference<AccessToken> cached = new AtomicReference<>();

  public CachingTokenCredential(TokenCredential delegate) {
    this.delegate = delegate;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    AccessToken token = cached.get();
    if (token != null && !expiresSoon(token)) {
      return Mono.just(token);
    }
    return delegate.getToken(request).doOnNext(cached::set);
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    AccessToken token = cached.get();
    if (token != null && !expiresSoon(token)) {
      return token;
    }
    AccessToken fresh = delegate.getTokenSync(request);
    cached.set(fresh);
    return fresh;
  }

  /**
   * A new token from Entra, kept for later calls: the {@code roles} claim is fixed when a token is
   * issued, so a permission granted since the cached token was taken shows only in a fresh one.
   */
  public AccessToken refresh(TokenRequestContext request) {
    AccessToken fresh = delegate.getTokenSync(request);
    cached.set(fresh);
    return fresh;
  }

  private static boolean expiresSoon(AccessToken token) {
    return token.getExpiresAt().isBefore(OffsetDateTime.now().plus(REFRESH_BEFORE_EXPIRY));
  }
}
