package io.cordon.account.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.cordon.account.config.GraphTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;

/**
 * Reads, for up to 20 users in one {@code $batch}, the properties that show whether a revoke, a
 * password reset or a disable has already taken effect. One attempt; the caller retries.
 */
@ApplicationScoped
public class UserEffectsReader {
  private static final String[] FIELDS = {
    "id", "accountEnabled", "signInSessionsValidFromDateTime", "lastPasswordChangeDateTime"
  };
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject GraphClients clients;

  /** What Graph shows of a user's sessions, password and sign-in state. */
  public record UserEffects(
      Boolean accountEnabled, Instant signInSessionsValidFrom, Instant lastPasswordChange) {}

  /** Per user: the effects when read, else the Graph answer that says why not. */
  public record Reading(UserEffects effects, GraphAnswer failure) {}

  public Map<String, Reading> read(GraphTenant tenant, List<String> userIds) {
    GraphServiceClient graph = clients.graph(tenant);
    BatchRequestContent content = new BatchRequestContent(graph);
    Map<String, String> stepByUser = new HashMap<>();
    for (String userId : userIds) {
      stepByUser.put(
          userId,
          content.addBatchRequestStep(
              graph
                  .users()
                  .byUserId(userId)
                  .toGetRequestInformation(c -> c.queryParameters.select = FIELDS)));
    }
    try {
      BatchResponseContent batch = graph.getBatchRequestBuilder().post(content, null);
      Map<String, Response> responses = batch.getResponses();
      Map<String, Reading> readings = new HashMap<>();
      stepByUser.forEach((user, step) -> readings.put(user, reading(responses.get(step))));
      return readings;
    } catch (ApiException e) {
      return sameForAll(
          userIds,
          new GraphAnswer(e.getResponseStatusCode(), null, null, "BatchFailed", e.getMessage()));
    } catch (Exception e) {
      return sameForAll(userIds, GraphAnswer.noAnswer(e.getClass().getSimpleName()));
    }
  }

  private static Reading reading(Response response) {
    if (response == null) {
      return new Reading(null, GraphAnswer.noAnswer("no answer for this user in the batch"));
    }
    if (response.code() != 200) {
      return new Reading(null, GraphAnswers.of(response));
    }
    try {
      JsonNode user =
          response.body() == null
              ? JSON.createObjectNode()
              : JSON.readTree(response.body().string());
      JsonNode enabled = user.path("accountEnabled");
      return new Reading(
          new UserEffects(
              enabled.isBoolean() ? enabled.asBoolean() : null,
              instant(user.path("signInSessionsValidFromDateTime")),
              instant(user.path("lastPasswordChangeDateTime"))),
          null);
    } catch (IOException | DateTimeParseException e) {
      return new Reading(null, GraphAnswer.noAnswer("unreadable Graph answer"));
    }
  }

  private static Instant instant(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? Instant.parse(node.asText()) : null;
  }

  private static Map<String, Reading> sameForAll(List<String> userIds, GraphAnswer failure) {
    Map<String, Reading> readings = new HashMap<>();
    userIds.forEach(user -> readings.put(user, new Reading(null, failure)));
    return readings;
  }
}
