package io.cordon.account.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.cordon.account.config.GraphTenant;
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
 * enabled) and its transitive memberships, which hold both groups and directory roles. Each part is
 * asked for only while it is missing, so a retry after a half-failed lookup re-reads only the half
 * that failed. One attempt per call; the caller schedules retries.
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

  /** One account and the parts of it still to be read. */
  public record Wanted(String identifier, boolean user, boolean memberships) {}

  /** The user object's part of an account's facts. */
  public record UserPart(
      String objectId,
      String userPrincipalName,
      String userType,
      boolean onPremisesSynced,
      boolean accountEnabled) {}

  /** The transitive memberships' part: directory role names and groups. */
  public record Memberships(List<String> privilegedRoles, List<GroupRef> groups) {}

  /** The parts read (null when not asked for or not read), and the answer that failed, if any. */
  public record Lookup(UserPart user, Memberships memberships, GraphAnswer failure) {}

  /** Reads in the primary tenant. */
  public Map<String, Lookup> resolve(List<Wanted> accounts) {
    return resolve(null, accounts);
  }

  /** Reads the accounts in the tenant (null: the primary one). */
  public Map<String, Lookup> resolve(GraphTenant tenant, List<Wanted> accounts) {
    GraphServiceClient graph = tenant == null ? clients.graph() : clients.graph(tenant);
    BatchRequestContent content = new BatchRequestContent(graph);
    Map<String, String[]> stepsByIdentifier = new HashMap<>();
    for (Wanted account : accounts) {
      String identifier = account.identifier();
      String user =
          !account.user()
              ? null
              : content.addBatchRequestStep(
                  graph
                      .users()
                      .byUserId(identifier)
                      .toGetRequestInformation(c -> c.queryParameters.select = USER_FIELDS));
      String memberships =
          !account.memberships()
              ? null
              : content.addBatchRequestStep(
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
          (identifier, steps) -> lookups.put(identifier, lookup(responses, steps)));
      return lookups;
    } catch (ApiException e) {
      return sameForAll(
          accounts,
          new GraphAnswer(e.getResponseStatusCode(), null, null, "BatchFailed", e.getMessage()));
    } catch (Exception e) {
      return sameForAll(accounts, GraphAnswer.noAnswer(e.getClass().getSimpleName()));
    }
  }

  private static Lookup lookup(Map<String, Response> responses, String[] steps) {
    UserPart user = null;
    Memberships memberships = null;
    GraphAnswer failure = null;
    try {
      if (steps[0] != null) {
        Response response = responses.get(steps[0]);
        failure = failureOf(response);
        user = failure == null ? userPart(read(response)) : null;
      }
      if (steps[1] != null) {
        Response response = responses.get(steps[1]);
        GraphAnswer membershipFailure = failureOf(response);
        memberships = membershipFailure == null ? memberships(read(response)) : null;
        failure = failure != null ? failure : membershipFailure;
      }
    } catch (IOException e) {
      return new Lookup(user, memberships, GraphAnswer.noAnswer("unreadable Graph answer"));
    }
    return new Lookup(user, memberships, failure);
  }

  private static GraphAnswer failureOf(Response response) {
    if (response == null) {
      return GraphAnswer.noAnswer("no answer for this account in the batch");
    }
    return response.code() == 200 ? null : GraphAnswers.of(response);
  }

  private static UserPart userPart(JsonNode user) {
    return new UserPart(
        user.path("id").asText(),
        user.path("userPrincipalName").asText(),
        user.path("userType").asText("Member"),
        user.path("onPremisesSyncEnabled").asBoolean(false),
        user.path("accountEnabled").asBoolean(true));
  }

  private static Memberships memberships(JsonNode memberships) {
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
    return new Memberships(roles, groups);
  }

  private static JsonNode read(Response response) throws IOException {
    return response.body() == null
        ? JSON.createObjectNode()
        : JSON.readTree(response.body().string());
  }

  private static Map<String, Lookup> sameForAll(List<Wanted> accounts, GraphAnswer failure) {
    Map<String, Lookup> lookups = new HashMap<>();
    accounts.forEach(account -> lookups.put(account.identifier(), new Lookup(null, null, failure)));
    return lookups;
  }
}
