package io.cordon.cli.auth;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import io.cordon.cli.config.CordonHome;

/**
 * MSAL's token cache (access, refresh and id tokens) kept in {@code ~/.cordon/msal-cache.json},
 * readable by the user only. MSAL calls this around every cache access; the file is written only
 * when the cache changed.
 */
public final class MsalCacheFile implements ITokenCacheAccessAspect {
  public static final String FILE = "msal-cache.json";

  private final CordonHome home;

  public MsalCacheFile(CordonHome home) {
    this.home = home;
  }

  @Override
  public void beforeCacheAccess(ITokenCacheAccessContext context) {
    String stored = home.readOrNull(FILE);
    if (stored != null && !stored.isBlank()) {
      context.tokenCache().deserialize(stored);
    }
  }

  @Override
  public void afterCacheAccess(ITokenCacheAccessContext context) {
    if (context.hasCacheChanged()) {
      home.writePrivate(FILE, context.tokenCache().serialize());
    }
  }
}
