package io.cordon.playbook.run;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * WireMock stand-ins for account-service and notification-service, each on its own port, wired in
 * as the REST clients' base URLs; a test gets both through a field of this type.
 */
public class RemoteServices implements QuarkusTestResourceLifecycleManager {
  public WireMockServer accountService;
  public WireMockServer notificationService;

  @Override
  public Map<String, String> start() {
    accountService = server();
    notificationService = server();
    return Map.of(
        "quarkus.rest-client.account-service.url",
        "http://localhost:" + accountService.port(),
        "quarkus.rest-client.notification-service.url",
        "http://localhost:" + notificationService.port());
  }

  private static WireMockServer server() {
    WireMockServer server =
        new WireMockServer(
            options().bindAddress("localhost").dynamicPort().notifier(new ConsoleNotifier(false)));
    server.start();
    return server;
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(this, new TestInjector.MatchesType(RemoteServices.class));
  }

  @Override
  public void stop() {
    if (accountService != null) {
      accountService.stop();
    }
    if (notificationService != null) {
      notificationService.stop();
    }
  }
}
