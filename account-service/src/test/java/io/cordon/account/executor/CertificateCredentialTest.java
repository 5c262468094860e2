package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cordon.contracts.ActionType;
import io.cordon.testsupport.FormBodies;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphWireMockStubs;
import io.cordon.testsupport.InjectGraphWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3 allows a certificate instead of a client secret. The real azure-identity flow against
 * the WireMock token endpoint: the token request carries a client assertion signed with the app
 * certificate's key (checked here with its public key), names the certificate by thumbprint and
 * carries no secret; the revoke then goes out with the token it got.
 */
@QuarkusTest
@GraphExecutorResources
@TestProfile(CertificateCredentialTest.WithCertificate.class)
class CertificateCredentialTest {
  private static final String TOKEN_PATH = "/test-tenant/oauth2/v2.0/token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @InjectGraphWireMock WireMockServer graph;

  public static class WithCertificate implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("cordon.graph.certificate-path", AppCertificate.pemFile().toString());
    }
  }

  @Test
  void theAppSignsInWithItsCertificateAndRevokesWithTheTokenItGot() throws Exception {
    GraphWireMockStubs.reset(graph);
    String accessToken = GraphWireMockStubs.appToken(ExecutorTest.ALL_PERMISSIONS);
    GraphWireMockStubs.stubTokenEndpoint(graph, "test-tenant", accessToken);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      traffic.send(List.of(traffic.request(1, ActionType.REVOKE_SESSIONS)));
      traffic.awaitCompletions(1, Duration.ofSeconds(90));
      assertThat(traffic.completions().values())
          .extracting(completed -> completed.outcome().name())
          .containsExactly("SUCCEEDED");
    }

    List<LoggedRequest> tokenRequests = graph.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(tokenRequests).isNotEmpty();
    Map<String, String> form = FormBodies.parse(tokenRequests.get(0).getBodyAsString());
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "cordon-test-app")
        .containsEntry(
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .doesNotContainKey("client_secret");

    X509Certificate certificate = AppCertificate.certificate();
    String[] assertion = form.get("client_assertion").split("\\.");
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(assertion[0]));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(assertion[1]));
    assertThat(verifies(header.path("alg").asText(), assertion, certificate)).isTrue();
    assertThat(namesTheCertificate(header, certificate)).as("assertion header %s", header).isTrue();
    assertThat(claims.path("iss").asText()).isEqualTo("cordon-test-app");
    assertThat(claims.path("sub").asText()).isEqualTo("cordon-test-app");
    assertThat(claims.path("aud").asText()).endsWith(TOKEN_PATH);
    assertThat(Instant.ofEpochSecond(claims.path("exp").asLong())).isAfter(Instant.now());

    assertThat(graph.findAll(postRequestedFor(urlPathEqualTo("/v1.0/$batch"))))
        .isNotEmpty()
        .allSatisfy(
            batch ->
                assertThat(batch.getHeader("Authorization")).isEqualTo("Bearer " + accessToken));
  }

  private static boolean verifies(String alg, String[] jwt, X509Certificate certificate)
      throws Exception {
    Signature signature;
    if (alg.equals("PS256")) {
      signature = Signature.getInstance("RSASSA-PSS");
      signature.setParameter(
          new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    } else {
      assertThat(alg).isEqualTo("RS256");
      signature = Signature.getInstance("SHA256withRSA");
    }
    signature.initVerify(certificate.getPublicKey());
    signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    return signature.verify(Base64.getUrlDecoder().decode(jwt[2]));
  }

  /**
   * x5t is the certificate's SHA-1 thumbprint, x5t#S256 its SHA-256 one (azure-identity writes the
   * latter in padded base64, RFC 7515 says base64url: either is read).
   */
  private static boolean namesTheCertificate(JsonNode header, X509Certificate certificate)
      throws Exception {
    byte[] der = certificate.getEncoded();
    return Arrays.equals(
            thumbprint(header.path("x5t#S256")), MessageDigest.getInstance("SHA-256").digest(der))
        || Arrays.equals(
            thumbprint(header.path("x5t")), MessageDigest.getInstance("SHA-1").digest(der));
  }

  private static byte[] thumbprint(JsonNode value) {
    if (value.isMissingNode()) {
      return new byte[0];
    }
    String base64 = value.asText().replace('-', '+').replace('_', '/').replace("=", "");
    return Base64.getDecoder().decode(base64 + "==".substring(0, (4 - base64.length() % 4) % 4));
  }
}
