package io.cordon.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cordon.cli.CliHarness;
import io.cordon.cli.CliHarness.Result;
import io.cordon.cli.StubServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Entra device-code sign-in against an HTTPS stand-in of Entra's endpoints (MSAL refuses an
 * authority that is not https). The authority's host is not Microsoft's, so instance discovery must
 * be off: with it on, MSAL would ask login.microsoftonline.com first and fail offline.
 */
class DeviceCodeLoginTest {
  @RegisterExtension static final StubServer API = new StubServer();
  @TempDir static Path certificates;
  private static WireMockServer entra;
  private static SSLContext trustingEntra;

  @TempDir Path temporary;
  private CliHarness cli;
  private String authority;

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final String REFRESHED_TOKEN =
      jwt(
          "{\"preferred_username\":\"aki.approver@jaxa.example\",\"roles\":[\"approver\"],"
              + "\"exp\":4102444801}");
  private static final String ACCESS_TOKEN =
      jwt(
          "{\"preferred_username\":\"aki.approver@jaxa.example\",\"roles\":[\"approver\"],"
              + "\"exp\":4102444800}");

  @BeforeAll
  static void startEntra() throws Exception {
    Path keystore = certificates.resolve("entra.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "entra",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "test-only",
                "-keypass",
                "test-only")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    entra =
        new WireMockServer(
            options()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystoreType("PKCS12")
                .keystorePath(keystore.toString())
                .keystorePassword("test-only")
                .keyManagerPassword("test-only"));
    entra.start();
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, "test-only".toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    trustingEntra = SSLContext.getInstance("TLS");
    trustingEntra.init(null, trust.getTrustManagers(), null);
  }

  @AfterAll
  static void stopEntra() {
    entra.stop();
  }

  @BeforeEach
  void setUp() {
    entra.resetAll();
    authority = "https://login.cordon.test/tenant-1";
    cli = new CliHarness(temporary).services(API.baseUrl());
    cli.signInHttp =
        new EntraTransport(
            trustingEntra,
            "login.cordon.test",
            URI.create("https://localhost:" + entra.httpsPort()));
    stubEntra();
    API.wiremock()
        .stubFor(
            get(urlPathEqualTo("/api/v1/incidents"))
                .willReturn(okJson("{\"items\":[],\"next\":null}")));
  }

  private void stubEntra() {
    stubEntra(3600);
  }

  private void stubEntra(long expiresIn) {
    String base = "https://login.cordon.test/tenant-1";
    entra.stubFor(
        get(urlPathMatching(".*/\\.well-known/openid-configuration"))
            .willReturn(
                okJson(
                    "{\"issuer\":\""
                        + base
                        + "/v2.0\",\"authorization_endpoint\":\""
                        + base
                        + "/oauth2/v2.0/authorize\",\"token_endpoint\":\""
                        + base
                        + "/oauth2/v2.0/token\",\"device_authorization_endpoint\":\""
                        + base
                        + "/oauth2/v2.0/devicecode\",\"jwks_uri\":\""
                        + base
                        + "/discovery/v2.0/keys\",\"tenant_region_scope\":null}")));
    entra.stubFor(
        post(urlPathEqualTo("/tenant-1/oauth2/v2.0/devicecode"))
            .willReturn(
                okJson(
                    "{\"user_code\":\"CORDON42\",\"device_code\":\"device-code-1\","
                        + "\"verification_uri\":\"https://microsoft.com/devicelogin\","
                        + "\"expires_in\":900,\"interval\":1,\"message\":\"To sign in, use a web"
                        + " browser to open the page https://microsoft.com/devicelogin and enter"
                        + " the code CORDON42 to authenticate.\"}")));
    // the person has not typed the code yet, then has
    entra.stubFor(
        post(urlPathEqualTo("/tenant-1/oauth2/v2.0/token"))
            .withRequestBody(containing("device_code"))
            .inScenario("device")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"authorization_pending\",\"error_description\":"
                            + "\"AADSTS70016: the user has not yet authenticated\"}"))
            .willSetStateTo("signed-in"));
    entra.stubFor(
        post(urlPathEqualTo("/tenant-1/oauth2/v2.0/token"))
            .withRequestBody(containing("device_code"))
            .inScenario("device")
            .whenScenarioStateIs("signed-in")
            .willReturn(okJson(tokenAnswer(base, ACCESS_TOKEN, "refresh-1", expiresIn))));
    entra.stubFor(
        post(urlPathEqualTo("/tenant-1/oauth2/v2.0/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=refresh-1"))
            .willReturn(okJson(tokenAnswer(base, REFRESHED_TOKEN, "refresh-2", 3600))));
  }

  private static String tokenAnswer(
      String base, String accessToken, String refreshToken, long expiresIn) {
    long now = System.currentTimeMillis() / 1000;
    String idToken =
        jwt(
            "{\"iss\":\""
                + base
                + "/v2.0\",\"sub\":\"sub-1\",\"aud\":\"cordon-cli\",\"exp\":"
                + (now + 3600)
                + ",\"iat\":"
                + now
                + ",\"tid\":\"tenant-1\",\"oid\":\"oid-1\","
                + "\"preferred_username\":\"aki.approver@jaxa.example\",\"name\":\"Aki\","
                + "\"ver\":\"2.0\"}");
    String clientInfo =
        BASE64.encodeToString(
            "{\"uid\":\"oid-1\",\"utid\":\"tenant-1\"}".getBytes(StandardCharsets.UTF_8));
    return "{\"token_type\":\"Bearer\",\"scope\":\"api://cordon/access\",\"expires_in\":"
        + expiresIn
        + ",\"ext_expires_in\":"
        + expiresIn
        + ",\"access_token\":\""
        + accessToken
        + "\",\"refresh_token\":\""
        + refreshToken
        + "\",\"id_token\":\""
        + idToken
        + "\",\"client_info\":\""
        + clientInfo
        + "\"}";
  }

  private static String jwt(String claims) {
    return BASE64.encodeToString(
            "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + BASE64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  @Test
  void deviceCodeSignInKeepsTheTokensInAPrivateCacheAndLaterCommandsUseThem() throws Exception {
    Result login =
        cli.run(
            "login",
            "--tenant",
            "tenant-1",
            "--client-id",
            "cordon-cli",
            "--authority",
            authority,
            "--scope",
            "api://cordon/access");

    assertThat(login.exitCode()).as(login.err()).isZero();
    assertThat(login.err()).contains("enter the code CORDON42");
    assertThat(login.out())
        .contains("Signed in as aki.approver@jaxa.example (roles: approver)")
        .doesNotContain(ACCESS_TOKEN)
        .doesNotContain("refresh-1");
    entra.verify(
        postRequestedFor(urlPathEqualTo("/tenant-1/oauth2/v2.0/devicecode"))
            .withRequestBody(containing("client_id=cordon-cli"))
            .withRequestBody(containing("api%3A%2F%2Fcordon%2Faccess")));
    entra.verify(
        2,
        postRequestedFor(urlPathEqualTo("/tenant-1/oauth2/v2.0/token"))
            .withRequestBody(containing("device_code=device-code-1")));

    Path cache = cli.cordonHome().resolve(MsalCacheFile.FILE);
    assertThat(cache).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.cordonHome())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(cli.cordonHome().resolve("login.properties")))
        .contains("mode=ENTRA")
        .doesNotContain(ACCESS_TOKEN);

    Result list = cli.run("incidents", "list");

    assertThat(list.exitCode()).as(list.err()).isZero();
    API.wiremock()
        .verify(
            getRequestedFor(urlPathEqualTo("/api/v1/incidents"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
  }

  @Test
  void anExpiredAccessTokenIsRefreshedSilentlyWithTheCachedRefreshToken() {
    entra.resetAll();
    stubEntra(60); // MSAL refreshes a token that runs out within five minutes
    Result login =
        cli.run(
            "login",
            "--tenant",
            "tenant-1",
            "--client-id",
            "cordon-cli",
            "--authority",
            authority,
            "--scope",
            "api://cordon/access");
    assertThat(login.exitCode()).as(login.err()).isZero();

    Result list = cli.run("incidents", "list");

    assertThat(list.exitCode()).as(list.err()).isZero();
    entra.verify(
        postRequestedFor(urlPathEqualTo("/tenant-1/oauth2/v2.0/token"))
            .withRequestBody(containing("grant_type=refresh_token")));
    API.wiremock()
        .verify(
            getRequestedFor(urlPathEqualTo("/api/v1/incidents"))
                .withHeader("Authorization", equalTo("Bearer " + REFRESHED_TOKEN)));
  }

  @Test
  void withoutTenantAndClientTheUserIsToldWhatEntraSignInNeeds() {
    Result result = cli.run("login");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Entra sign-in needs --tenant and --client-id");
  }
}
