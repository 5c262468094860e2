package io.cordon.cli.auth;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import io.cordon.cli.CliFailure;
import io.cordon.cli.ExitCodes;
import io.cordon.cli.config.CordonHome;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Sign-in with Entra ID as a public client (no secret on a responder's laptop): the device-code
 * flow once, then MSAL's silent refresh from the cached refresh token.
 */
public final class EntraSignIn {
  /** Entra's own hosts: MSAL knows them, and only for them is instance discovery worth its cost. */
  private static final Set<String> MICROSOFT_AUTHORITY_HOSTS =
      Set.of(
          "login.microsoftonline.com",
          "login.microsoftonline.us",
          "login.partner.microsoftonline.cn",
          "login.chinacloudapi.cn",
          "login.windows.net",
          "login.microsoft.com",
          "sts.windows.net");

  private final PublicClientApplication application;
  private final Set<String> scopes;

  public EntraSignIn(LoginState state, CordonHome home, IHttpClient httpClient) {
    this.scopes = state.scopes();
    this.application = build(state, home, httpClient);
  }

  public static String authorityFor(String tenant) {
    return "https://login.microsoftonline.com/" + tenant;
  }

  /** The device-code flow: tells the user where to go and which code to type, then waits. */
  public IAuthenticationResult deviceCode(Consumer<DeviceCode> instructions) {
    return await(
        application.acquireToken(DeviceCodeFlowParameters.builder(scopes, instructions).build()));
  }

  /** A valid access token from the cache, refreshed with the refresh token when it ran out. */
  public IAuthenticationResult silent() {
    Set<IAccount> accounts = await(application.getAccounts());
    if (accounts.isEmpty()) {
      throw new CliFailure(ExitCodes.FAILED, "the Entra sign-in ran out; run cordon login again");
    }
    try {
      return await(
          application.acquireTokenSilently(
              SilentParameters.builder(scopes, accounts.iterator().next()).build()));
    } catch (MalformedURLException e) {
      throw new CliFailure(ExitCodes.USAGE, "the stored authority is not a URL: " + e.getMessage());
    }
  }

  private static PublicClientApplication build(
      LoginState state, CordonHome home, IHttpClient httpClient) {
    try {
      PublicClientApplication.Builder builder =
          PublicClientApplication.builder(state.clientId())
              .authority(state.authority())
              .setTokenCacheAccessAspect(new MsalCacheFile(home));
      if (!MICROSOFT_AUTHORITY_HOSTS.contains(URI.create(state.authority()).getHost())) {
        // MSAL would ask login.microsoftonline.com whether this host is an Entra instance (and,
        // offline, wait ~17 s for the answer); an authority the user configured is trusted as is
        builder.instanceDiscovery(false).validateAuthority(false);
      }
      if (httpClient != null) {
        builder.httpClient(httpClient);
      }
      return builder.build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "authority '" + state.authority() + "' is not usable: " + e.getMessage());
    }
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CliFailure(ExitCodes.FAILED, "Entra sign-in failed: " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILED, "interrupted", e);
    }
  }
}
