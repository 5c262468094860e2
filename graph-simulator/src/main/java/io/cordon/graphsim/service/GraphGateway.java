package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One Graph request, at top level or inside a $batch: batch-item fault, permission check, throttle
 * rules, the operation, then the journal. Faults on the whole HTTP request are the HTTP layer's.
 */
@ApplicationScoped
public class GraphGateway {
  @Inject GraphOperations operations;
  @Inject Throttler throttler;
  @Inject FaultInjector faults;
  @Inject CallJournal journal;
  @Inject TenantState state;
  @Inject ObjectMapper json;

  public GraphResponse process(GraphRequest request, Set<String> roles) {
    String action = ActionNames.classify(request, patchAction(request));
    if (request.inBatch()) {
      FaultInjector.Fault fault = faults.forBatchItem();
      if (fault != FaultInjector.Fault.NONE) {
        return refused(request, action, faults.answer(fault), "fault:" + fault);
      }
    }
    List<String> required = ActionNames.permissionsFor(action);
    if (required != null && required.stream().noneMatch(roles::contains)) {
      return refused(request, action, GraphErrors.forbidden(), "missingPermission");
    }
    TenantThrottle.Verdict verdict = throttler.admit(request, System.nanoTime());
    if (verdict.rejection() != null) {
      return refused(
          request,
          action,
          verdict.rejection(),
          "throttled:" + verdict.rejection().headers().get("x-ms-throttle-information"));
    }
    Outcome outcome = operations.handle(request, roles);
    GraphResponse response = outcome.response();
    verdict.headers().forEach(response.headers()::putIfAbsent);
    String requestId = requestId(response);
    if (response.body() != null) {
      response.headers().putIfAbsent("Content-Type", "application/json;odata.metadata=minimal");
    }
    journal.record(
        requestId,
        request.method(),
        "/" + request.path(),
        outcome.action(),
        outcome.userIds(),
        response.status(),
        outcome.effective(),
        request.inBatch(),
        response.success() ? null : errorCode(response));
    return response;
  }

  /** Records a call that got no answer or was refused before reaching its operation. */
  public void recordUnanswered(GraphRequest request, int status, String cause) {
    String action = ActionNames.classify(request, patchAction(request));
    journal.record(
        UUID.randomUUID().toString(),
        request.method(),
        "/" + request.path(),
        action,
        users(request),
        status,
        false,
        request.inBatch(),
        cause);
  }

  private GraphResponse refused(
      GraphRequest request, String action, GraphResponse answer, String cause) {
    answer.headers().putIfAbsent("Content-Type", "application/json");
    journal.record(
        requestId(answer),
        request.method(),
        "/" + request.path(),
        action,
        users(request),
        answer.status(),
        false,
        request.inBatch(),
        cause);
    return answer;
  }

  private static String requestId(GraphResponse response) {
    String id = response.headers().get("request-id");
    if (id == null) {
      id = UUID.randomUUID().toString();
      response.headers().put("request-id", id);
      response.headers().put("client-request-id", id);
    }
    return id;
  }

  private static String errorCode(GraphResponse response) {
    return response.body() == null ? null : response.body().path("error").path("code").asText(null);
  }

  /** The user ids a request concerns, as far as they can be told without running it. */
  private List<String> users(GraphRequest request) {
    String[] s = request.path().split("/");
    List<String> ids = new ArrayList<>();
    if (s.length >= 2 && s[0].equals("users")) {
      String id = state.apply(d -> d.user(s[1]) == null ? null : d.user(s[1]).id);
      ids.add(id != null ? id : s[1].toLowerCase());
    } else if (s.length >= 4 && s[0].equals("directoryRoles")) {
      String id = state.apply(d -> d.user(s[3]) == null ? null : d.user(s[3]).id);
      ids.add(id != null ? id : s[3].toLowerCase());
    } else if (s.length == 2 && s[0].equals("oauth2PermissionGrants")) {
      String principal =
          state.apply(d -> d.grant(s[1]) == null ? null : d.grant(s[1]).principalId());
      if (principal != null) {
        ids.add(principal);
      }
    } else if ((request.path().endsWith("confirmCompromised")
            || request.path().endsWith("riskyUsers/dismiss"))
        && request.hasBody()) {
      try {
        json.readTree(request.body())
            .path("userIds")
            .forEach(id -> ids.add(id.asText().toLowerCase()));
      } catch (java.io.IOException e) {
        // an unreadable body concerns nobody
      }
    }
    return ids;
  }

  private String patchAction(GraphRequest request) {
    if (!request.method().equals("PATCH") || !request.hasBody()) {
      return "updateUser";
    }
    try {
      JsonNode body = json.readTree(request.body());
      List<String> actions = new ArrayList<>();
      if (body.has("passwordProfile")) {
        actions.add("resetPassword");
      }
      if (body.has("accountEnabled")) {
        actions.add(
            body.path("accountEnabled").asBoolean(true) ? "enableAccount" : "disableAccount");
      }
      return actions.isEmpty() ? "updateUser" : String.join("+", actions);
    } catch (java.io.IOException e) {
      return "updateUser";
    }
  }
}
