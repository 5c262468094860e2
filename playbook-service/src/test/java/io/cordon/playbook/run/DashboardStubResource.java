package io.cordon.playbook.run;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.cordon.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What the dashboard talks to besides playbook-service, on another origin as in production: a
 * notification-service stand-in (notices) and an OIDC provider stand-in, both answering CORS. Also
 * switches the dev sign-in on, signing with the test key. Tests stub it over WireMock's admin API
 * at {@code cordon.test.dashboard-stub.url}.
 */
public class DashboardStubResource implements QuarkusTestResourceLifecycleManager {
  static final String OIDC_PATH = "/oidc";
  static final String CLIENT_ID = "cordon-dashboard";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server =
        new WireMockServer(
            options()
                .bindAddress("localhost")
                .dynamicPort()
                .stubCorsEnabled(true)
                .notifier(new ConsoleNotifier(false)));
    server.start();
    String url = "http://localhost:" + server.port();
    return Map.of(
        "cordon.test.dashboard-stub.url",
        url,
        "cordon.dashboard.notifications-url",
        url,
        "cordon.dashboard.oidc.authority",
        url + OIDC_PATH,
        "cordon.dashboard.oidc.client-id",
        CLIENT_ID,
        "cordon.dashboard.oidc.scopes",
        "openid profile api://cordon/.default",
        "cordon.dashboard.dev-sign-in.enabled",
        "true",
        "cordon.dashboard.dev-sign-in.token-lifetime",
        "10m",
        // the test profile may sign as the issuer the tests' services trust; the local stack may
        // not
        "cordon.dashboard.dev-sign-in.issuer",
        TestJwt.ISSUER,
        "smallrye.jwt.sign.key.location",
        TestJwt.PRIVATE_KEY_LOCATION);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
