package io.cordon.playbook.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Browser hardening for the dashboard page: only its own scripts and styles run (an injected {@code
 * <script>} would not), it cannot be framed, and the OIDC code in the address never leaks as a
 * Referer. Calls may go to other origins (notification-service, the OIDC provider), whose URLs are
 * configuration.
 */
@ApplicationScoped
public class DashboardPageHeaders {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src *; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  void register(@Observes Router router) {
    for (String page : List.of("/", "/index.html")) {
      router
          .route(page)
          .order(-1000)
          .handler(
              ctx -> {
                ctx.response()
                    .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer");
                ctx.next();
              });
    }
  }
}
