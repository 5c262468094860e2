package io.cordon.playbook.rest;

import io.cordon.playbook.config.DashboardConfig;
import io.cordon.playbook.mapping.DashboardSettings;
import io.cordon.playbook.service.dashboard.DevSignIn;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The two calls the dashboard page makes before it has a token: its settings, and (local stack
 * only) the dev sign-in. Outside {@code /api}: they serve the page, not the API.
 */
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DashboardResource {
  @Inject DashboardConfig config;
  @Inject DevSignIn devSignIn;

  @GET
  @Path("/config")
  @Operation(summary = "Where the dashboard signs in and reads partner notices")
  public Response settings() {
    DashboardConfig.Oidc oidc = config.oidc();
    DashboardSettings settings =
        new DashboardSettings(
            config.notificationsUrl().map(DashboardResource::withoutTrailingSlash).orElse(null),
            oidc.authority().isPresent() && oidc.clientId().isPresent()
                ? new DashboardSettings.Oidc(
                    withoutTrailingSlash(oidc.authority().get()),
                    oidc.clientId().get(),
                    oidc.scopes())
                : null,
            devSignIn.enabled()
                ? new DashboardSettings.DevSignIn(config.devSignIn().roles())
                : null);
    return Response.ok(settings).cacheControl(noStore()).build();
  }

  @POST
  @Path("/dev-sign-in")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Local stack only: a short-lived token for a name and role of one's choice")
  public Response devSignIn(DevSignInRequest body) {
    DevSignIn.DevToken token =
        devSignIn.issue(body == null ? null : body.name(), body == null ? null : body.role());
    return Response.ok(token).cacheControl(noStore()).build();
  }

  private static CacheControl noStore() {
    CacheControl cache = new CacheControl();
    cache.setNoStore(true);
    return cache;
  }

  private static String withoutTrailingSlash(String url) {
    String trimmed = url.strip();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  /** Who the dev user says they are. */
  public record DevSignInRequest(String name, String role) {}
}
