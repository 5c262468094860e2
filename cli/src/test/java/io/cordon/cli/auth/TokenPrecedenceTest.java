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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** --token, then CORDON_TOKEN, then the login: automation always wins over a stored sign-in. */
class TokenPrecedenceTest {
  @RegisterExtension static final StubServer STUB = new StubServer();
  @TempDir Path temporary;
  private CliHarness cli;

  static String jwt(String name, String role) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String claims =
        "{\"preferred_username\":\""
            + name
            + "\",\"groups\":[\""
            + role
            + "\"],\"exp\":4102444800}";
    return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  @BeforeEach
  void setUp() {
    cli = new CliHarness(temporary).services(STUB.baseUrl());
    STUB.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/incidents"))
                .willReturn(okJson("{\"items\":[],\"next\":null}")));
  }

  private void assertSentToken(String token) {
    STUB.wiremock()
        .verify(
            getRequestedFor(urlPathEqualTo("/api/v1/incidents"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
  }

  @Test
  void loginWithAGivenTokenStoresItPrivatelyAndNeverPrintsIt() throws Exception {
    String token = jwt("rei.responder@cordon.local", "responder");

    Result login = cli.run("login", "--token", token);

    assertThat(login.exitCode()).isZero();
    assertThat(login.out())
        .contains("Signed in with the given token as rei.responder@cordon.local (roles: responder)")
        .doesNotContain(token);
    Path stored = cli.cordonHome().resolve("token");
    assertThat(Files.readString(stored).trim()).isEqualTo(token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.cordonHome())))
        .isEqualTo("rwx------");

    cli.run("incidents", "list");
    assertSentToken(token);
  }

  @Test
  void theEnvironmentTokenWinsOverTheLogin() {
    cli.run("login", "--token", "stored-token");
    cli.variables.put("CORDON_TOKEN", "env-token");

    Result result = cli.run("incidents", "list");

    assertThat(result.exitCode()).isZero();
    assertSentToken("env-token");
  }

  @Test
  void theFlagWinsOverTheEnvironment() {
    cli.variables.put("CORDON_TOKEN", "env-token");

    cli.run("incidents", "list", "--token", "flag-token");

    assertSentToken("flag-token");
  }

  @Test
  void withoutAnyTokenTheUserIsToldHowToSignIn() {
    Result result = cli.run("incidents", "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("not signed in: run cordon login");
    assertThat(STUB.wiremock().getAllServeEvents()).isEmpty();
  }

  @Test
  void logoutForgetsTheStoredToken() {
    cli.run("login", "--token", "stored-token");

    cli.run("logout");
    Result result = cli.run("incidents", "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(cli.cordonHome().resolve("token")).doesNotExist();
  }
}
