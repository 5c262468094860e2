package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Registers the demo partners (a JSON array of notification-service partner bodies) with a webhook
 * on the local receiver each and a fresh secret that exists only in memory here and, encrypted, in
 * notification-service.
 */
public final class DemoPartners {
  private final CordonApi api;
  private final URI notificationService;
  private final WebhookReceiver receiver;

  public DemoPartners(CordonApi api, URI notificationService, WebhookReceiver receiver) {
    this.api = api;
    this.notificationService = notificationService;
    this.receiver = receiver;
  }

  /** Returns partner key -> partner as registered. */
  public Map<String, JsonNode> register(Path partnersFile, String adminToken)
      throws IOException, InterruptedException {
    JsonNode partners = CordonApi.json().readTree(Files.readString(partnersFile));
    Map<String, JsonNode> registered = new LinkedHashMap<>();
    for (JsonNode partner : partners) {
      ObjectNode body = ((ObjectNode) partner).deepCopy();
      String key = slug(body.path("name").asText());
      String secret = newSecret();
      URI hook = receiver.expect(key, secret);
      body.putObject("webhook").put("url", hook.toString()).put("secret", secret);
      body.remove("expectedNotice");
      // the local stack has no mail server: notices go to the webhook only
      body.remove("contacts");
      JsonNode created =
          api.postJson(notificationService.resolve("/api/v1/partners"), adminToken, body);
      registered.put(key, created);
    }
    return registered;
  }

  public static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private static String newSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }
}
