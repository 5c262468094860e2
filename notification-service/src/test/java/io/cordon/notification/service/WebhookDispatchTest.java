package io.cordon.notification.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.cordon.notification.client.WebhookClient;
import io.cordon.notification.repository.AttemptOutcome;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A webhook attempt re-resolves the host right before connecting (DNS rebinding) and signs so the
 * reference verifier accepts it.
 */
class WebhookDispatchTest {
  private static final String HOST = "hooks.partner-rebinding.test";
  private static Vertx vertx;
  private static WireMockServer partner;

  private final List<String> lookedUp = new ArrayList<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    partner = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    partner.start();
    partner.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
  }

  @AfterAll
  static void stop() {
    partner.stop();
    vertx.close();
  }

  @Test
  void aHostThatNowResolvesToLoopbackIsNeverConnectedTo() {
    partner.resetRequests();
    // public when the partner registered, loopback by the time a notice goes out
    WebhookDispatch dispatch = dispatch(false, "127.0.0.1");
    DeliveryJob.Webhook job = job(key());

    AttemptReport report = dispatch.send(job);

    assertThat(report.outcome()).isEqualTo(AttemptOutcome.BLOCKED);
    assertThat(report.error()).contains(HOST, "127.0.0.1", "loopback", "nothing was sent");
    assertThat(lookedUp).containsExactly(HOST);
    assertThat(partner.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(job.keys()).allSatisfy(k -> assertThat(k).containsOnly(0));
  }

  @Test
  void withPrivateTargetsAllowedItConnectsToTheResolvedAddressAndSignsVerifiably()
      throws Exception {
    partner.resetRequests();
    byte[] key = key();
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    WebhookDispatch dispatch = dispatch(true, "127.0.0.1");
    DeliveryJob.Webhook job = job(key.clone());

    AttemptReport report = dispatch.send(job);

    assertThat(report.outcome()).isEqualTo(AttemptOutcome.DELIVERED);
    assertThat(report.statusCode()).isEqualTo(204);
    List<LoggedRequest> received = partner.findAll(anyRequestedFor(urlEqualTo("/hook")));
    assertThat(received).hasSize(1);
    LoggedRequest request = received.get(0);
    assertThat(request.getHeader("webhook-id")).isEqualTo("msg_dispatch");
    new Webhook(secret)
        .verify(
            request.getBodyAsString(),
            Map.of(
                "webhook-id", List.of(request.getHeader("webhook-id")),
                "webhook-timestamp", List.of(request.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(request.getHeader("webhook-signature"))));
    assertThat(job.keys()).allSatisfy(k -> assertThat(k).containsOnly(0));
  }

  @Test
  void anUnresolvableHostIsWorthRetrying() {
    WebhookDispatch dispatch = dispatch(false, null);

    AttemptReport report = dispatch.send(job(key()));

    assertThat(report.outcome()).isEqualTo(AttemptOutcome.RETRYABLE);
    assertThat(report.error()).contains("does not resolve");
  }

  private WebhookDispatch dispatch(boolean allowPrivate, String resolvesTo) {
    WebhookDispatch dispatch = new WebhookDispatch();
    dispatch.targets =
        new WebhookTargetPolicy(
            allowPrivate,
            host -> {
              lookedUp.add(host);
              if (resolvesTo == null) {
                throw new UnknownHostException(host);
              }
              return new InetAddress[] {InetAddress.getByName(resolvesTo)};
            });
    dispatch.client =
        new WebhookClient(
            vertx, Duration.ofSeconds(5), Optional.empty(), Optional.empty(), 1, "Cordon-Test/1");
    return dispatch;
  }

  private static DeliveryJob.Webhook job(byte[] key) {
    // http only because this unit test has no TLS endpoint; registration demands https
    return new DeliveryJob.Webhook(
        new DeliveryClaim(UUID.randomUUID(), UUID.randomUUID()),
        "http://" + HOST + ":" + partner.port() + "/hook",
        "msg_dispatch",
        "{\"type\":\"cordon.partner-notice.v1\",\"data\":{}}",
        List.of(key));
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
