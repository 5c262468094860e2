package io.cordon.notification.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook client against a local WireMock: pinning, timeouts, answers it passes back. */
class WebhookClientTest {
  // the timeout under test: shorter than the slow stub's delay
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  // the fast stubs' first answer can take seconds on a loaded build machine (a cold client)
  private static final Duration PATIENT = Duration.ofSeconds(30);
  private static Vertx vertx;
  private static WireMockServer partner;
  private static WebhookClient client;
  private static WebhookClient impatient;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    partner = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    partner.start();
    client =
        new WebhookClient(vertx, PATIENT, Optional.empty(), Optional.empty(), 2, "Cordon-Test/1");
    impatient =
        new WebhookClient(vertx, TIMEOUT, Optional.empty(), Optional.empty(), 2, "Cordon-Test/1");
  }

  @AfterAll
  static void stop() {
    partner.stop();
    vertx.close();
  }

  @Test
  void connectsToTheVettedAddressNotToWhatTheHostNameResolvesTo() throws Exception {
    partner.stubFor(post(urlEqualTo("/pinned")).willReturn(aResponse().withStatus(202)));
    // .invalid never resolves (RFC 6761): reaching the partner proves the client did not try
    URI url = URI.create("http://cordon-partner.invalid:" + partner.port() + "/pinned");

    WebhookAnswer answer = client.post(call(url, "127.0.0.1", Map.of("webhook-id", "msg_1")));

    assertThat(answer.status()).isEqualTo(202);
    partner.verify(
        postRequestedFor(urlEqualTo("/pinned"))
            .withHeader("Host", equalTo("cordon-partner.invalid:" + partner.port()))
            .withHeader("webhook-id", equalTo("msg_1"))
            .withHeader("User-Agent", equalTo("Cordon-Test/1")));
  }

  @Test
  void aRefusedAddressFallsBackToTheNextVettedOne() throws Exception {
    partner.stubFor(post(urlEqualTo("/fallback")).willReturn(aResponse().withStatus(200)));
    URI url = URI.create("http://localhost:" + partner.port() + "/fallback");

    WebhookAnswer answer = client.post(call(url, List.of("127.0.0.2", "127.0.0.1")));

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsNoAnswer() throws Exception {
    partner.stubFor(
        post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(6000)));
    URI url = URI.create("http://localhost:" + partner.port() + "/slow");

    WebhookAnswer answer = impatient.post(call(url, "127.0.0.1", Map.of()));

    assertThat(answer.answered()).isFalse();
    assertThat(answer.error()).contains("no answer within");
    assertThat(answer.latencyMs()).isBetween(TIMEOUT.toMillis() - 50, 5500L);
  }

  @Test
  void retryAfterAndRedirectsArePassedBackNotActedOn() throws Exception {
    partner.stubFor(
        post(urlEqualTo("/throttled"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    partner.stubFor(
        post(urlEqualTo("/moved"))
            .willReturn(aResponse().withStatus(301).withHeader("Location", "/throttled")));
    String base = "http://localhost:" + partner.port();

    WebhookAnswer throttled =
        client.post(call(URI.create(base + "/throttled"), "127.0.0.1", Map.of()));
    int before = partner.findAll(postRequestedFor(urlEqualTo("/throttled"))).size();
    WebhookAnswer moved = client.post(call(URI.create(base + "/moved"), "127.0.0.1", Map.of()));

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.retryAfter()).isEqualTo("7");
    assertThat(moved.status()).isEqualTo(301);
    assertThat(partner.findAll(postRequestedFor(urlEqualTo("/throttled")))).hasSize(before);
  }

  @Test
  void nothingListeningIsNoAnswerWithTheReason() throws Exception {
    URI url = URI.create("http://localhost:1/nothing");

    WebhookAnswer answer = client.post(call(url, "127.0.0.1", Map.of()));

    assertThat(answer.answered()).isFalse();
    assertThat(answer.error()).containsIgnoringCase("connect");
  }

  private static WebhookCall call(URI url, String address, Map<String, String> headers)
      throws Exception {
    return new WebhookCall(url, List.of(InetAddress.getByName(address)), headers, "{}");
  }

  private static WebhookCall call(URI url, List<String> addresses) throws Exception {
    List<InetAddress> resolved =
        addresses.stream()
            .map(
                a -> {
                  try {
                    return InetAddress.getByName(a);
                  } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    return new WebhookCall(url, resolved, Map.of(), "{}");
  }
}
