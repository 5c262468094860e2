package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A partner's webhook endpoint for the demo and the system tests: HTTPS on localhost, one path per
 * partner, every delivery verified against that partner's Standard Webhooks secret. It keeps what
 * arrived so the caller can check "each affected partner exactly one valid notice".
 */
public final class WebhookReceiver implements AutoCloseable {
  private final HttpsServer server;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, PartnerInbox> inboxes = new ConcurrentHashMap<>();

  private WebhookReceiver(HttpsServer server) {
    this.server = server;
  }

  public static WebhookReceiver start(int port, Path keyStore, String password) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("localhost", port), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore, password)));
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext("/hooks/", receiver::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return receiver;
  }

  /**
   * Registers a partner's path and secret; returns the webhook URL to give notification-service.
   */
  public URI expect(String partnerKey, String secret) {
    secrets.put(partnerKey, secret);
    inboxes.put(partnerKey, new PartnerInbox());
    return URI.create(
        "https://localhost:" + server.getAddress().getPort() + "/hooks/" + partnerKey);
  }

  public PartnerInbox inbox(String partnerKey) {
    return inboxes.get(partnerKey);
  }

  public Map<String, PartnerInbox> inboxes() {
    return Map.copyOf(inboxes);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String partnerKey = exchange.getRequestURI().getPath().substring("/hooks/".length());
    String secret = secrets.get(partnerKey);
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    int status;
    if (secret == null) {
      status = 404;
    } else {
      status =
          verifyAndKeep(partnerKey, secret, exchange, new String(body, StandardCharsets.UTF_8));
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private int verifyAndKeep(String partnerKey, String secret, HttpExchange exchange, String body) {
    Map<String, List<String>> headers =
        Map.of(
            "webhook-id", header(exchange, "webhook-id"),
            "webhook-timestamp", header(exchange, "webhook-timestamp"),
            "webhook-signature", header(exchange, "webhook-signature"));
    PartnerInbox inbox = inboxes.get(partnerKey);
    try {
      new Webhook(secret).verify(body, headers);
    } catch (WebhookVerificationException | EmptyWebhookSecretException e) {
      inbox.rejected();
      return 400;
    }
    try {
      JsonNode notice = CordonApi.json().readTree(body);
      inbox.accepted(headers.get("webhook-id").get(0), notice);
      return 204;
    } catch (IOException e) {
      inbox.rejected();
      return 400;
    }
  }

  private static List<String> header(HttpExchange exchange, String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : values;
  }

  private static SSLContext serverContext(Path keyStore, String password) throws IOException {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, password.toCharArray());
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot load the receiver's key store " + keyStore, e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
