package io.cordon.graphsim.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.graphsim.config.SimConfig;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.service.BatchProcessor;
import io.cordon.graphsim.service.CallJournal;
import io.cordon.graphsim.service.FaultInjector;
import io.cordon.graphsim.service.GraphClock;
import io.cordon.graphsim.service.GraphErrors;
import io.cordon.graphsim.service.GraphGateway;
import io.cordon.graphsim.service.GraphPaths;
import io.cordon.graphsim.service.SimTenant;
import io.cordon.graphsim.service.SimTenants;
import io.cordon.graphsim.service.TokenService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Graph API requests: whole-request faults (drop, hold, 5xx, 429) and latency first, then the
 * bearer token, then one request or a $batch. As in Graph, the tenant is the token's: one URL
 * serves every tenant, and a request sees, is throttled and faulted by the tenant its token was
 * issued in (the default tenant's faults for a request without a valid token, which is refused).
 */
@ApplicationScoped
public class GraphHttpHandler {
  @Inject SimConfig config;
  @Inject Vertx vertx;
  @Inject ObjectMapper json;
  @Inject FaultInjector faults;
  @Inject GraphClock clock;
  @Inject TokenService tokens;
  @Inject GraphGateway gateway;
  @Inject BatchProcessor batches;
  @Inject CallJournal journal;
  @Inject SimTenants tenants;

  void handle(HttpServerRequest http, Buffer body) {
    TokenService.Grant grant = grant(http.getHeader("Authorization"));
    SimTenant tenant = grant == null ? tenants.defaultTenant() : tenants.byId(grant.tenantId());
    tenants.within(tenant, () -> handle(http, body, grant, tenant));
  }

  private void handle(
      HttpServerRequest http, Buffer body, TokenService.Grant grant, SimTenant tenant) {
    String basePath = config.http().graphBasePath();
    Map<String, String> headers = new HashMap<>();
    http.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    String scheme = http.isSSL() ? "https://" : "http://";
    headers.put("x-sim-base-url", scheme + http.getHeader("Host") + basePath);
    GraphRequest request =
        new GraphRequest(
            http.method().name(),
            GraphPaths.normalise(http.path().substring(basePath.length())),
            GraphPaths.query(http.query()),
            headers,
            body == null ? new byte[0] : body.getBytes(),
            false);
    FaultInjector.Fault fault = faults.forRequest();
    if (fault == FaultInjector.Fault.DROP) {
      gateway.recordUnanswered(request, 0, "fault:DROP");
      http.connection().close();
      return;
    }
    if (fault == FaultInjector.Fault.TIMEOUT) {
      gateway.recordUnanswered(request, 0, "fault:TIMEOUT");
      long hold = Math.max(1, faults.settings().timeoutHoldMs());
      vertx.setTimer(hold, id -> http.connection().close());
      return;
    }
    boolean batch = request.path().equals("$batch");
    if (batch && faults.settings().applyToBatchItems()) {
      // 5xx and 429 are drawn per request inside the batch instead of once for all of it
      fault = FaultInjector.Fault.NONE;
    }
    FaultInjector.Fault answerFault = fault;
    long latency = faults.latencyMs();
    if (latency > 0) {
      vertx.setTimer(
          latency, id -> tenants.within(tenant, () -> answer(http, request, answerFault, grant)));
    } else {
      answer(http, request, answerFault, grant);
    }
  }

  private void answer(
      HttpServerRequest http,
      GraphRequest request,
      FaultInjector.Fault fault,
      TokenService.Grant grant) {
    if (fault != FaultInjector.Fault.NONE) {
      GraphResponse injected = faults.answer(fault);
      gateway.recordUnanswered(request, injected.status(), "fault:" + fault);
      HttpReplies.graph(http, injected, json, clock);
      return;
    }
    if (grant == null) {
      GraphResponse refused =
          GraphErrors.error(
              401,
              "InvalidAuthenticationToken",
              request.header("authorization") == null
                  ? "Access token is empty."
                  : "Access token validation failure. Invalid audience or signature.");
      gateway.recordUnanswered(request, 401, "unauthenticated");
      HttpReplies.graph(http, refused, json, clock);
      return;
    }
    Set<String> roles = grant.roles();
    GraphResponse response;
    if (request.path().equals("$batch")) {
      if (!request.method().equals("POST")) {
        response = GraphErrors.error(405, "Request_BadRequest", "$batch accepts POST only.");
      } else {
        response =
            batches.process(
                request.body(), config.http().graphBasePath(), request.headers(), roles);
      }
      String requestId = UUID.randomUUID().toString();
      response.headers().putIfAbsent("request-id", requestId);
      journal.record(
          response.headers().get("request-id"),
          request.method(),
          "/$batch",
          "batch",
          List.of(),
          response.status(),
          false,
          false,
          response.success() ? null : response.body().path("error").path("message").asText(null));
    } else {
      response = gateway.process(request, roles);
    }
    String correlation = request.header("client-request-id");
    if (correlation != null) {
      response.headers().put("client-request-id", correlation);
    }
    HttpReplies.graph(http, response, json, clock);
  }

  private TokenService.Grant grant(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return tokens.verify(authorization.substring(7).strip());
  }
}
