package io.cordon.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.cli.CliHarness;
import io.cordon.cli.CliHarness.Result;
import io.cordon.cli.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LocalLoginTest {
  @RegisterExtension static final StubServer STUB = new StubServer();
  @TempDir Path temporary;
  private CliHarness cli;
  private Path tokens;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliHarness(temporary).services(STUB.baseUrl());
    tokens = Files.createDirectories(cli.workingDirectory.resolve(".cordon-local/tokens"));
    Files.writeString(
        tokens.resolve("responder.jwt"),
        TokenPrecedenceTest.jwt("rei.responder@cordon.local", "responder") + "\n");
    Files.writeString(
        tokens.resolve("approver.jwt"),
        TokenPrecedenceTest.jwt("aki.approver@cordon.local", "approver"));
    cli.workingDirectory = Files.createDirectories(cli.workingDirectory.resolve("cli/src"));
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/runs")).willReturn(okJson("{\"items\":[],\"next\":null}")));
  }

  @Test
  void theLocalStacksTokenOfTheRoleIsFoundFromBelowTheCheckout() {
    Result login = cli.run("login", "--local", "--role", "approver");
    cli.run("runs", "list");

    assertThat(login.exitCode()).isZero();
    assertThat(login.out())
        .contains("Signed in to the local stack as aki.approver@cordon.local (roles: approver)");
    STUB.wiremock()
        .verify(
            getRequestedFor(urlPathEqualTo("/api/v1/runs"))
                .withHeader(
                    "Authorization",
                    equalTo(
                        "Bearer "
                            + TokenPrecedenceTest.jwt("aki.approver@cordon.local", "approver"))));
  }

  @Test
  void aRestartedStackIsPickedUpWithoutSigningInAgain() throws Exception {
    cli.run("login", "--local");
    Files.writeString(tokens.resolve("responder.jwt"), "renewed-at-restart\n");

    cli.run("runs", "list");

    STUB.wiremock()
        .verify(
            getRequestedFor(urlPathEqualTo("/api/v1/runs"))
                .withHeader("Authorization", equalTo("Bearer renewed-at-restart")));
  }

  @Test
  void withoutALocalStackTheUserIsToldToStartIt() throws Exception {
    CliHarness elsewhere = new CliHarness(Files.createDirectories(temporary.resolve("elsewhere")));

    Result result = elsewhere.run("login", "--local");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("no .cordon-local/tokens here or above");
  }

  @Test
  void anUnknownRoleIsAUsageError() {
    Result result = cli.run("login", "--local", "--role", "root");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("unknown role 'root'");
  }
}
