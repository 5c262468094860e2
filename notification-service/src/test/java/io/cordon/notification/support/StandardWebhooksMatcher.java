package io.cordon.notification.support;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.util.List;
import java.util.Map;

/**
 * Makes WireMock a partner that verifies like a real one: a stub using this matcher (parameter
 * {@code secret}, a {@code whsec_} secret) only answers requests whose Standard Webhooks headers
 * the reference library ({@code com.standardwebhooks}) accepts.
 */
public class StandardWebhooksMatcher extends RequestMatcherExtension {
  public static final String NAME = "standard-webhooks-signature";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public MatchResult match(Request request, Parameters parameters) {
    return MatchResult.of(verifies(request, parameters.getString("secret")));
  }

  /** True when the library's verifier accepts the request's signature for {@code secret}. */
  public static boolean verifies(Request request, String secret) {
    Map<String, List<String>> headers =
        Map.of(
            "webhook-id", values(request, "webhook-id"),
            "webhook-timestamp", values(request, "webhook-timestamp"),
            "webhook-signature", values(request, "webhook-signature"));
    try {
      new Webhook(secret).verify(request.getBodyAsString(), headers);
      return true;
    } catch (WebhookVerificationException e) {
      return false;
    } catch (Exception e) {
      throw new IllegalStateException("cannot verify with the Standard Webhooks library", e);
    }
  }

  private static List<String> values(Request request, String header) {
    return request.containsHeader(header) ? request.header(header).values() : List.of();
  }
}
