package io.cordon.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One WireMock server per test class, reset before each test, standing in for the services. */
public final class StubServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  public WireMockServer wiremock() {
    return server;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.resetAll();
  }
}
