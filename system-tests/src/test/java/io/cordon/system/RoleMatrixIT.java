package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the three services (as each one's OpenAPI document lists them) against every
 * role and an anonymous caller: anonymous gets 401, a role that is not allowed 403, an allowed role
 * gets past security (anything but 401/403) and never a 5xx. Allowed calls carry an empty object
 * and unknown ids, so they change nothing. An endpoint missing from the matrix fails the test: a
 * new endpoint must say who may call it.
 */
class RoleMatrixIT {
  private static final List<String> ROLES =
      List.of("viewer", "responder", "approver", "admin", "detector", "helpdesk");
  private static final Set<String> READERS = Set.of("viewer", "responder", "approver", "admin");

  /** The whole audit log; a responder reads one incident's or run's (with incident= or run=). */
  private static final Set<String> AUDITORS = Set.of("viewer", "admin");

  /** The incident evidence export: auditors, and the responders who hand it on. */
  private static final Set<String> EXPORTERS = Set.of("viewer", "responder", "admin");

  private static final Set<String> ANYONE = Set.of("*");

  /** Run control: a responder's hands on a run, and an admin's. */
  private static final Set<String> CONTROLLERS = Set.of("responder", "admin");

  /** service -> "METHOD path" -> roles allowed (DESIGN's role model, docs/api.md). */
  private static final Map<String, Map<String, Set<String>>> MATRIX =
      Map.of(
          "account-service",
          Map.ofEntries(
              Map.entry("POST /api/v1/detections", Set.of("detector")),
              Map.entry("POST /api/v1/compromise-reports", Set.of("responder")),
              Map.entry("GET /api/v1/compromise-reports", READERS),
              Map.entry("GET /api/v1/compromise-reports/{id}", READERS),
              Map.entry(
                  "POST /api/v1/compromise-reports/{id}/release", Set.of("responder", "approver")),
              Map.entry(
                  "GET /api/v1/temporary-access-passes/{objectId}",
                  Set.of("viewer", "responder", "approver", "admin", "helpdesk")),
              Map.entry(
                  "POST /api/v1/temporary-access-passes/{objectId}/retrieve", Set.of("helpdesk")),
              Map.entry("GET /api/v1/graph/readiness", Set.of("admin")),
              Map.entry("GET /api/v1/tenants", Set.of("admin")),
              Map.entry("GET /api/v1/protected-accounts", Set.of("admin")),
              Map.entry("GET /api/v1/protected-accounts/{id}", Set.of("admin")),
              Map.entry("PUT /api/v1/protected-accounts/{id}", Set.of("admin")),
              Map.entry("DELETE /api/v1/protected-accounts/{id}", Set.of("admin")),
              Map.entry(
                  "POST /api/v1/protected-accounts/{id}/override", Set.of("responder", "admin")),
              Map.entry(
                  "GET /api/v1/protected-accounts/{id}/override", Set.of("responder", "admin")),
              Map.entry("DELETE /api/v1/protected-accounts/{id}/override", Set.of("admin")),
              Map.entry("POST /api/v1/protected-accounts/{id}/override/approve", Set.of("admin")),
              Map.entry("GET /api/v1/audit", AUDITORS),
              Map.entry("GET /api/v1/audit/verify", AUDITORS)),
          "playbook-service",
          Map.ofEntries(
              Map.entry("GET /api/v1/incidents/{id}/evidence", EXPORTERS),
              Map.entry("GET /api/v1/incidents", READERS),
              Map.entry("GET /api/v1/incidents/{id}", READERS),
              Map.entry("POST /api/v1/incidents/{id}/close", Set.of("responder")),
              Map.entry(
                  "POST /api/v1/incidents/{id}/accounts/{objectId}/recontain", Set.of("responder")),
              Map.entry(
                  "POST /api/v1/incidents/{id}/accounts/{objectId}/release", Set.of("responder")),
              Map.entry("POST /api/v1/plans", Set.of("responder")),
              Map.entry("POST /api/v1/runs/{id}/pause", CONTROLLERS),
              Map.entry("POST /api/v1/runs/{id}/resume", CONTROLLERS),
              Map.entry("POST /api/v1/runs/{id}/accounts/{objectId}/exclude", CONTROLLERS),
              Map.entry("POST /api/v1/runs/{id}/accounts/{objectId}/mark-done", CONTROLLERS),
              Map.entry("POST /api/v1/runs/{id}/steps/{stepId}/retry", CONTROLLERS),
              Map.entry("GET /api/v1/incidents/{id}/accounts", READERS),
              Map.entry("GET /api/v1/incidents/{id}/timeline", READERS),
              Map.entry("GET /api/v1/accounts/{objectIdOrUpn}", READERS),
              Map.entry("GET /api/v1/approvals", READERS),
              Map.entry("GET /api/v1/approvals/{id}", READERS),
              Map.entry("POST /api/v1/runs", Set.of("responder")),
              Map.entry("GET /api/v1/runs", READERS),
              Map.entry("GET /api/v1/runs/{id}", READERS),
              Map.entry("GET /api/v1/runs/{id}/accounts", READERS),
              Map.entry("GET /api/v1/runs/{id}/events", READERS),
              Map.entry("GET /api/v1/runs/events", READERS),
              Map.entry("GET /api/v1/runs/{id}/partner-deliveries", READERS),
              Map.entry("POST /api/v1/runs/{id}/cancel", Set.of("responder")),
              Map.entry(
                  "POST /api/v1/runs/{id}/approvals/{approvalId}",
                  Set.of("approver", "responder", "admin")),
              Map.entry("GET /api/v1/playbooks", READERS),
              Map.entry("POST /api/v1/playbooks", Set.of("admin")),
              Map.entry("GET /api/v1/playbooks/{name}", READERS),
              Map.entry("PUT /api/v1/playbooks/{name}", Set.of("admin")),
              Map.entry("GET /api/v1/playbooks/{name}/versions", READERS),
              Map.entry("GET /dashboard/config", ANYONE),
              Map.entry("POST /dashboard/dev-sign-in", ANYONE),
              Map.entry("GET /api/v1/audit", AUDITORS),
              Map.entry("GET /api/v1/audit/verify", AUDITORS)),
          "notification-service",
          Map.ofEntries(
              Map.entry("GET /api/v1/partners", READERS),
              Map.entry("POST /api/v1/partners", Set.of("admin")),
              Map.entry("GET /api/v1/partners/{id}", READERS),
              Map.entry("PUT /api/v1/partners/{id}", Set.of("admin")),
              Map.entry("DELETE /api/v1/partners/{id}", Set.of("admin")),
              Map.entry("POST /api/v1/partners/{id}/taxii-credential", Set.of("admin")),
              Map.entry("DELETE /api/v1/partners/{id}/taxii-credential", Set.of("admin")),
              Map.entry("GET /api/v1/notifications", READERS),
              Map.entry("GET /api/v1/notifications/{id}", READERS),
              Map.entry("POST /api/v1/notifications/{id}/redeliver", Set.of("responder", "admin")),
              Map.entry("GET /api/v1/audit", AUDITORS),
              Map.entry("GET /api/v1/audit/verify", AUDITORS)));

  private static RunningStack running;
  private static HttpClient http;

  @BeforeAll
  static void stack() throws Exception {
    running = ReliabilityStack.get();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void everyEndpointAdmitsExactlyItsRolesAndNoAnonymousCaller() throws Exception {
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (var service : MATRIX.entrySet()) {
      URI base = running.stack.serviceUrl(service.getKey());
      Set<String> listed = operations(base);
      assertThat(service.getValue().keySet())
          .as("%s: the matrix must name every endpoint the service offers", service.getKey())
          .containsAll(listed);
      for (String operation : listed) {
        Set<String> allowed = service.getValue().get(operation);
        List<String> callers = new ArrayList<>(ROLES);
        callers.add(null);
        for (String role : callers) {
          int status = call(base, operation, role == null ? null : running.token(role));
          calls++;
          String expected = expectation(allowed, role);
          boolean ok =
              switch (expected) {
                case "401" -> status == 401;
                case "403" -> status == 403;
                default -> status != 401 && status != 403 && status < 500;
              };
          if (!ok) {
            wrong.add(
                String.format(
                    "%s %s as %s: %d (expected %s)",
                    service.getKey(),
                    operation,
                    role == null ? "anonymous" : role,
                    status,
                    expected));
          }
        }
      }
    }
    IncidentDrill.log("FIGURES role matrix: " + calls + " calls");
    assertThat(calls).isGreaterThan(150);
    assertThat(wrong).as("calls answered against the role matrix").isEmpty();
  }

  private static String expectation(Set<String> allowed, String role) {
    if (allowed == ANYONE) {
      return "admitted";
    }
    if (role == null) {
      return "401";
    }
    return allowed.contains(role) ? "admitted" : "403";
  }

  /** "METHOD path" of every operation under /api and /dashboard in the service's OpenAPI. */
  static Set<String> operations(URI base) throws IOException, InterruptedException {
    JsonNode document = running.api.get(base.resolve("/q/openapi?format=json"), null);
    Set<String> operations = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/dashboard/")) {
        continue;
      }
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                  operations.add(method.toUpperCase() + " " + path.getKey());
                }
              });
    }
    return operations;
  }

  /** Calls with unknown ids and an empty JSON object, so an admitted call changes nothing. */
  static int call(URI base, String operation, String token)
      throws IOException, InterruptedException {
    String method = operation.substring(0, operation.indexOf(' '));
    String path =
        operation
            .substring(operation.indexOf(' ') + 1)
            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json, text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (method.equals("GET") || method.equals("DELETE")) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    }
    // an event stream would never end: the status is all this test needs
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response.statusCode();
  }

  static Map<String, Map<String, Set<String>>> matrix() {
    return new TreeMap<>(MATRIX);
  }
}
