package io.cordon.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Installs a {@code $batch} endpoint whose inner answers follow rules: "the 1st POST to a URL
 * containing users/u1/revokeSignInSessions gets 429 with Retry-After 1, later ones succeed".
 */
public final class GraphBatchStub {
  private final List<Map<String, Object>> rules = new ArrayList<>();
  private final Map<String, Object> directory = new LinkedHashMap<>();
  private long clockAheadSeconds;

  public static GraphBatchStub graphBatch() {
    return new GraphBatchStub();
  }

  /**
   * Graph's clock runs this far ahead of the local one (negative: behind); it shows in the {@code
   * Date} header of every answer, as Graph's own clock does.
   */
  public GraphBatchStub clockAhead(java.time.Duration ahead) {
    this.clockAheadSeconds = ahead.toSeconds();
    return this;
  }

  /** The n-th matching inner request gets {@code statuses[n]} (the last one repeats). */
  public GraphBatchStub answer(String method, String urlContains, Integer... statuses) {
    return rule(method, urlContains, null, null, statuses);
  }

  public GraphBatchStub throttle(
      String method, String urlContains, int retryAfterSeconds, Integer... statuses) {
    return rule(method, urlContains, retryAfterSeconds, null, statuses);
  }

  public GraphBatchStub fail(
      String method, String urlContains, int status, String code, String message) {
    Map<String, Object> rule = newRule(method, urlContains, List.of(status));
    rule.put("code", code);
    rule.put("message", message);
    rules.add(rule);
    return this;
  }

  /**
   * A user that GET /users/{id or upn} finds, with its transitive memberships: group names become
   * groups (id "group-" + name), role names become directory roles.
   */
  public GraphBatchStub user(
      String objectId,
      String upn,
      String userType,
      boolean onPremisesSynced,
      List<String> groups,
      List<String> roles) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", objectId);
    user.put("userPrincipalName", upn);
    user.put("userType", userType);
    user.put("onPremisesSyncEnabled", onPremisesSynced ? Boolean.TRUE : null);
    user.put("accountEnabled", Boolean.TRUE);
    List<Map<String, Object>> memberOf = new ArrayList<>();
    for (String group : groups) {
      memberOf.add(
          Map.of(
              "@odata.type",
              "#microsoft.graph.group",
              "id",
              "group-" + group,
              "displayName",
              group));
    }
    for (String role : roles) {
      memberOf.add(
          Map.of(
              "@odata.type",
              "#microsoft.graph.directoryRole",
              "id",
              "role-" + role,
              "displayName",
              role));
    }
    Map<String, Object> entry = Map.of("user", user, "memberOf", memberOf);
    directory.put(objectId.toLowerCase(java.util.Locale.ROOT), entry);
    directory.put(upn.toLowerCase(java.util.Locale.ROOT), entry);
    return this;
  }

  /**
   * One more group, with an object id of its own (a GUID, as Entra's are), among the transitive
   * memberships of a user added with {@link #user}.
   */
  @SuppressWarnings("unchecked")
  public GraphBatchStub memberOf(String objectId, String groupId, String displayName) {
    Map<String, Object> entry =
        (Map<String, Object>) directory.get(objectId.toLowerCase(java.util.Locale.ROOT));
    ((List<Map<String, Object>>) entry.get("memberOf"))
        .add(
            Map.of(
                "@odata.type",
                "#microsoft.graph.group",
                "id",
                groupId,
                "displayName",
                displayName));
    return this;
  }

  /** One more property that a GET of a user added with {@link #user} shows. */
  @SuppressWarnings("unchecked")
  public GraphBatchStub userProperty(String objectId, String name, Object value) {
    Map<String, Object> entry =
        (Map<String, Object>) directory.get(objectId.toLowerCase(java.util.Locale.ROOT));
    ((Map<String, Object>) entry.get("user")).put(name, value);
    return this;
  }

  public void install(WireMockServer server) {
    install(server, WireMockGraphResource.GRAPH_PATH);
  }

  /**
   * Installs the {@code $batch} endpoint under another Graph root on the same server, e.g. {@code
   * /fabrikam/v1.0} for a second tenant's Graph.
   */
  public void install(WireMockServer server, String graphPath) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("directory", directory);
    parameters.put("scenario", UUID.randomUUID().toString());
    parameters.put("rules", rules);
    parameters.put("clockAheadSeconds", clockAheadSeconds);
    server.stubFor(
        post(urlPathEqualTo(graphPath + "/$batch"))
            .willReturn(
                aResponse()
                    .withTransformers(GraphBatchResponder.NAME)
                    .withTransformerParameters(parameters)));
  }

  private GraphBatchStub rule(
      String method, String urlContains, Integer retryAfter, String code, Integer... statuses) {
    Map<String, Object> rule = newRule(method, urlContains, List.of(statuses));
    if (retryAfter != null) {
      rule.put("retryAfter", retryAfter);
    }
    rules.add(rule);
    return this;
  }

  private static Map<String, Object> newRule(
      String method, String urlContains, List<Integer> statuses) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("method", method);
    rule.put("urlContains", urlContains);
    rule.put("statuses", statuses);
    return rule;
  }
}
