package io.cordon.graphsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.graphsim.service.FaultInjector;
import io.cordon.graphsim.service.FaultSettings;
import io.cordon.graphsim.service.SimInspection;
import io.cordon.graphsim.service.SimTenant;
import io.cordon.graphsim.service.SimTenants;
import io.cordon.graphsim.service.TenantState;
import io.cordon.graphsim.service.ThrottleSettings;
import io.cordon.graphsim.service.Throttler;
import io.cordon.graphsim.service.TokenService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The /_sim inspection and control API (no auth: bind to loopback). JSON everywhere. {@code
 * ?tenant=} (name, id or domain) picks the tenant users, seed, faults, throttle and auth act on,
 * the default tenant without it; the journal shows every tenant's calls unless one is named; reset
 * is always of every tenant.
 */
@ApplicationScoped
public class SimAdminHandler {
  private static final int MAX_JOURNAL = 100_000;

  @Inject ObjectMapper json;
  @Inject SimInspection inspection;
  @Inject FaultInjector faults;
  @Inject Throttler throttler;
  @Inject TokenService tokens;
  @Inject TenantState state;
  @Inject SimHttpServer server;
  @Inject SimTenants tenants;

  void handle(HttpServerRequest http, Buffer body, String[] s) {
    String named = http.getParam("tenant");
    SimTenant tenant = named == null ? tenants.defaultTenant() : tenants.find(named);
    if (tenant == null) {
      HttpReplies.problem(
          http, 404, "Not found", "tenant", "No simulated tenant '" + named + "'", json);
      return;
    }
    tenants.within(tenant, () -> handle(http, body, s, named == null ? null : tenant));
  }

  /** {@code named}: the tenant the query named, null when none was. */
  private void handle(HttpServerRequest http, Buffer body, String[] s, SimTenant named) {
    String method = http.method().name();
    String resource = s.length > 1 ? s[1] : "";
    switch (resource) {
      case "health" -> health(http);
      case "users" -> users(http, s);
      case "counts" -> HttpReplies.json(http, 200, inspection.counts(), json);
      case "journal" -> journal(http, named);
      case "tenants" -> HttpReplies.json(http, 200, tenants.summaries(), json);
      case "reset" -> {
        if (!method.equals("POST")) {
          notAllowed(http);
          return;
        }
        inspection.reset();
        http.response().setStatusCode(204).end();
      }
      case "faults" -> faults(http, body, method);
      case "throttle" -> throttle(http, body, method);
      case "auth" -> auth(http, body, method);
      case "seed" -> HttpReplies.json(http, 200, state.seed(), json);
      default ->
          HttpReplies.problem(
              http, 404, "Not found", null, "No /_sim resource '" + resource + "'", json);
    }
  }

  private void health(HttpServerRequest http) {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("status", "UP");
    health.put("users", state.userCount());
    health.put("tenantId", state.tenantId());
    health.put("domain", state.domain());
    health.put("tenants", tenants.summaries());
    health.put("httpsPort", server.httpsPort());
    health.put("trustStore", server.trustStorePath());
    HttpReplies.json(http, 200, health, json);
  }

  private void users(HttpServerRequest http, String[] s) {
    if (s.length == 2) {
      HttpReplies.json(http, 200, inspection.users(), json);
      return;
    }
    String key = URLDecoder.decode(s[2], StandardCharsets.UTF_8);
    Map<String, Object> user = inspection.user(key);
    if (user == null) {
      HttpReplies.problem(
          http, 404, "Not found", "user", "No user '" + key + "' in the simulated tenant", json);
      return;
    }
    HttpReplies.json(http, 200, user, json);
  }

  private void journal(HttpServerRequest http, SimTenant named) {
    String user = http.getParam("user");
    String action = http.getParam("action");
    Integer status;
    int limit;
    try {
      status = http.getParam("status") == null ? null : Integer.valueOf(http.getParam("status"));
    } catch (NumberFormatException e) {
      HttpReplies.problem(
          http, 400, "Invalid query", "status", "status must be an HTTP status code", json);
      return;
    }
    try {
      limit = http.getParam("limit") == null ? 10_000 : Integer.parseInt(http.getParam("limit"));
      if (limit < 1 || limit > MAX_JOURNAL) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      HttpReplies.problem(
          http, 400, "Invalid query", "limit", "limit must be 1.." + MAX_JOURNAL, json);
      return;
    }
    String effectiveParam = http.getParam("effective");
    if (effectiveParam != null
        && !effectiveParam.equals("true")
        && !effectiveParam.equals("false")) {
      HttpReplies.problem(
          http, 400, "Invalid query", "effective", "effective must be true or false", json);
      return;
    }
    Boolean effective = effectiveParam == null ? null : Boolean.valueOf(effectiveParam);
    var entries =
        inspection.journal(
            named == null ? null : named.id(), user, action, status, effective, limit);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("count", entries.size());
    answer.put("entries", entries);
    HttpReplies.json(http, 200, answer, json);
  }

  private void faults(HttpServerRequest http, Buffer body, String method) {
    if (method.equals("PUT")) {
      FaultSettings changes = read(http, body, FaultSettings.class);
      if (changes == null) {
        return;
      }
      FaultSettings next = faults.settings().merge(changes);
      String invalid = next.invalidField();
      if (invalid != null) {
        HttpReplies.problem(
            http, 400, "Invalid fault settings", invalid, invalid + " is out of range", json);
        return;
      }
      faults.apply(next);
    } else if (!method.equals("GET")) {
      notAllowed(http);
      return;
    }
    HttpReplies.json(http, 200, faults.settings(), json);
  }

  private void throttle(HttpServerRequest http, Buffer body, String method) {
    if (method.equals("PUT")) {
      ThrottleSettings changes = read(http, body, ThrottleSettings.class);
      if (changes == null) {
        return;
      }
      ThrottleSettings next = throttler.settings().merge(changes);
      String invalid = next.invalidField();
      if (invalid != null) {
        HttpReplies.problem(
            http, 400, "Invalid throttle settings", invalid, invalid + " is invalid", json);
        return;
      }
      throttler.apply(next);
    } else if (!method.equals("GET")) {
      notAllowed(http);
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("settings", throttler.settings());
    answer.put("usage", throttler.usage(System.nanoTime()));
    HttpReplies.json(http, 200, answer, json);
  }

  private void auth(HttpServerRequest http, Buffer body, String method) {
    if (method.equals("PUT")) {
      JsonNode node = read(http, body, JsonNode.class);
      if (node == null) {
        return;
      }
      if (!node.path("roles").isArray()) {
        HttpReplies.problem(
            http,
            400,
            "Invalid auth settings",
            "roles",
            "roles must be an array of permission names",
            json);
        return;
      }
      List<String> roles = new ArrayList<>();
      node.path("roles").forEach(r -> roles.add(r.asText()));
      tokens.setRoles(roles);
      if (node.path("directoryRoles").isArray()) {
        List<String> directoryRoles = new ArrayList<>();
        node.path("directoryRoles").forEach(r -> directoryRoles.add(r.asText()));
        tokens.setDirectoryRoles(directoryRoles);
      }
    } else if (!method.equals("GET")) {
      notAllowed(http);
      return;
    }
    HttpReplies.json(
        http,
        200,
        Map.of("roles", tokens.roles(), "directoryRoles", tokens.directoryRoles()),
        json);
  }

  private <T> T read(HttpServerRequest http, Buffer body, Class<T> type) {
    try {
      T value = json.readValue(body == null ? new byte[0] : body.getBytes(), type);
      if (value == null) {
        throw new IOException("empty body");
      }
      return value;
    } catch (IOException e) {
      HttpReplies.problem(
          http,
          400,
          "Malformed body",
          "body",
          "Expected a JSON object: "
              + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  ? j.getOriginalMessage()
                  : e.getMessage()),
          json);
      return null;
    }
  }

  private void notAllowed(HttpServerRequest http) {
    HttpReplies.problem(
        http, 405, "Method not allowed", null, http.method() + " is not supported here", json);
  }
}
