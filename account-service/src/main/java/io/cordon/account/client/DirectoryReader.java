package io.cordon.account.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.cordon.account.service.ResolvedFacts;
import io.cordon.contracts.events.GroupRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;

/**
 * Resolves accounts in {@code $batch} calls: per account the user (id, UPN, type, sync state,
 * enabled) and its transitive memberships, which hold both groups and directory roles. One attempt
 * per call; the caller schedules retries.
 */
@ApplicationScoped
public class DirectoryReader {
  /** Two requests per account, so ten accounts fill a batch of twenty. */
  public static final int ACCOUNTS_PER_BATCH = GraphBatchClient.MAX_BATCH_SIZE / 2;

  private static final String[] USER_FIELDS = {
    "id", "userPrincipalName", "userType", "onPremisesSyncEnabled", "accountEnabled"
  };
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject GraphClients clients;

  /** The answer for one account: facts when found, else the Graph answer that says why not. */
  public record Lookup(ResolvedFacts facts, GraphAnswer failure) {}

  public Map<String, Lookup> resolve(List<String> identifiers) {
    GraphServiceClient graph = clients.graph();
    BatchRequestContent content = new BatchRequestContent(graph);
    Map<String, String[]> stepsByIdentifier = new HashMap<>();
    for (String identifier : identifiers) {
      String user =
          content.addBatchRequestStep(
              graph
                  .users()
                  .byUserId(identifier)
                  .toGetRequestInformation(c -> c.queryParameters.select = USER_FIELDS));
      String memberships =
          content.addBatchRequestStep(
              graph
                  .users()
                  .byUserId(identifier)
                  .transitiveMemberOf()
                  .toGetRequestInformation(
                      c -> {
                        c.queryParameters.select = new String[] {"id", "displayName"};
                        c.queryParameters.top = 999;
                      }));
      stepsByIdentifier.put(identifier, new String[] {user, memberships});
    }
    try {
      BatchResponseContent batch = graph.getBatchRequestBuilder().post(content, null);
      Map<String, Response> responses = batch.getResponses();
      Map<String, Lookup> lookups = new HashMap<>();
      stepsByIdentifier.forEach(
          (identifier, steps) ->
              lookups.put(identifier, lookup(responses.get(steps[0]), responses.get(steps[1]))));
      return lookups;
    } catch (ApiException e) {
      return sameForAll(
          identifiers,
          new GraphAnswer(e.getResponseStatusCode(), null, null, "BatchFailed", e.getMessage()));
    } catch (Exception e) {
      return sameForAll(identifiers, GraphAnswer.noAnswer(e.getClass().getSimpleName()));
    }
  }

  private static Lookup lookup(Response user, Response memberships) {
    if (user == null || memberships == null) {
      return new Lookup(null, GraphAnswer.noAnswer("no answer for this account in the batch"));
    }
    if (user.code() != 200) {
      return new Lookup(null, GraphAnswers.of(user));
    }
    if (memberships.code() != 200) {
      return new Lookup(null, GraphAnswers.of(memberships));
    }
    try {
      return new Lookup(facts(read(user), read(memberships)), null);
    } catch (IOException e) {
      return new Lookup(null, GraphAnswer.noAnswer("unreadable Graph answer"));
    }
  }

  private static ResolvedFacts facts(JsonNode user, JsonNode memberships) {
    List<String> roles = new ArrayList<>();
    List<GroupRef> groups = new ArrayList<>();
    for (JsonNode member : memberships.path("value")) {
      String type = member.path("@odata.type").asText("");
      String name = member.path("displayName").asText(member.path("id").asText());
      if (type.endsWith("directoryRole")) {
        roles.add(name);
      } else if (type.endsWith("group")) {
        groups.add(new GroupRef(member.path("id").asText(), name));
      }
    }
    return new ResolvedFacts(
        user.path("id").asText(),
        user.path("userPrincipalName").asText(),
        user.path("userType").asText("Member"),
        user.path("onPremisesSyncEnabled").asBoolean(false),
        user.path("accountEnabled").asBoolean(true),
        roles,
        groups);
  }

  private static JsonNode read(Response response) throws IOException {
    return response.body() == null
        ? JSON.createObjectNode()
        : JSON.readTree(response.body().string());
  }

  private static Map<String, Lookup> sameForAll(List<String> identifiers, GraphAnswer failure) {
    Map<String, Lookup> lookups = new HashMap<>();
    identifiers.forEach(identifier -> lookups.put(identifier, new Lookup(null, failure)));
    return lookups;
  }
}
