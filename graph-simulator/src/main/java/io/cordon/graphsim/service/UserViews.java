package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.SimGrant;
import io.cordon.graphsim.model.SimGroup;
import io.cordon.graphsim.model.SimRole;
import io.cordon.graphsim.model.SimUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Renders state as Graph's JSON: $select, $top and $skiptoken paging, @odata annotations. */
@ApplicationScoped
public class UserViews {
  static final Set<String> WRITABLE =
      Set.of(
          "accountEnabled",
          "passwordProfile",
          "displayName",
          "jobTitle",
          "department",
          "@odata.type");
  private static final List<String> DEFAULT_USER_FIELDS =
      List.of(
          "id",
          "businessPhones",
          "displayName",
          "givenName",
          "jobTitle",
          "mail",
          "mobilePhone",
          "officeLocation",
          "preferredLanguage",
          "surname",
          "userPrincipalName");
  private static final Pattern GUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 999;

  @Inject ObjectMapper json;

  static boolean isGuid(String text) {
    return text != null && GUID.matcher(text).matches();
  }

  public GraphResponse user(SimUser user, GraphRequest request) {
    ObjectNode all = userNode(user);
    String select = request.query().get("$select");
    List<String> fields = select == null ? DEFAULT_USER_FIELDS : Arrays.asList(select.split(","));
    ObjectNode body = json.createObjectNode();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users/$entity");
    for (String raw : fields) {
      String field = raw.strip();
      if (!all.has(field)) {
        return GraphErrors.error(
            400,
            "BadRequest",
            "Could not find a property named '" + field + "' on type 'microsoft.graph.user'.");
      }
      body.set(field, all.get(field));
    }
    return GraphResponse.of(200, body);
  }

  ObjectNode userNode(SimUser user) {
    ObjectNode node = json.createObjectNode();
    node.put("@odata.type", "#microsoft.graph.user");
    node.put("id", user.id);
    node.putArray("businessPhones");
    node.put("displayName", user.displayName);
    String[] names = user.displayName == null ? new String[0] : user.displayName.split(" ", 2);
    node.put("givenName", names.length > 0 ? names[0] : null);
    node.put("surname", names.length > 1 ? names[1] : null);
    node.put("jobTitle", user.jobTitle);
    node.put("department", user.department);
    node.put("mail", user.mail);
    node.putNull("mobilePhone");
    node.putNull("officeLocation");
    node.put("preferredLanguage", "ja-JP");
    node.put("userPrincipalName", user.userPrincipalName);
    node.put("userType", user.userType);
    node.put("accountEnabled", user.accountEnabled);
    node.put("onPremisesSyncEnabled", user.onPremisesSyncEnabled ? Boolean.TRUE : null);
    node.put("createdDateTime", text(user.createdDateTime));
    node.put("lastPasswordChangeDateTime", text(user.lastPasswordChangeDateTime));
    node.put("signInSessionsValidFromDateTime", text(user.signInSessionsValidFromDateTime));
    return node;
  }

  public GraphResponse userList(Directory d, GraphRequest request) {
    List<ObjectNode> users = new ArrayList<>();
    for (SimUser user : d.users()) {
      users.add(userNode(user));
    }
    return list(users, request);
  }

  public GraphResponse userObjects(List<SimUser> users, GraphRequest request) {
    return list(users.stream().map(this::userNode).toList(), request);
  }

  public GraphResponse memberOf(
      Directory d, SimUser user, GraphRequest request, boolean transitive) {
    List<ObjectNode> items = new ArrayList<>();
    List<SimGroup> groups = transitive ? d.transitiveGroupsOf(user.id) : d.directGroupsOf(user.id);
    groups.forEach(g -> items.add(group(g)));
    Collection<SimRole> roles =
        transitive
            ? d.rolesOf(user.id)
            : d.roles().stream().filter(r -> r.memberIds.contains(user.id)).toList();
    roles.forEach(r -> items.add(role(r)));
    return list(items, request);
  }

  public GraphResponse roles(Collection<SimRole> roles, GraphRequest request) {
    return list(roles.stream().map(this::role).toList(), request);
  }

  public GraphResponse grants(List<SimGrant> grants, GraphRequest request) {
    return list(grants.stream().map(this::grant).toList(), request);
  }

  public GraphResponse methods(SimUser user, GraphRequest request) {
    List<ObjectNode> items = new ArrayList<>();
    ObjectNode password = json.createObjectNode();
    password.put("@odata.type", "#microsoft.graph.passwordAuthenticationMethod");
    password.put("id", GraphOperations.PASSWORD_METHOD_ID);
    password.putNull("password");
    password.put("createdDateTime", text(user.lastPasswordChangeDateTime));
    items.add(password);
    for (SimUser.AuthMethod method : user.authenticationMethods) {
      ObjectNode node = json.createObjectNode();
      node.put("@odata.type", "#microsoft.graph." + method.type());
      node.put("id", method.id());
      if (method.properties() != null) {
        node.setAll(method.properties());
      }
      items.add(node);
    }
    return list(items, request);
  }

  ObjectNode group(SimGroup group) {
    ObjectNode node = json.createObjectNode();
    node.put("@odata.type", "#microsoft.graph.group");
    node.put("id", group.id());
    node.put("displayName", group.displayName());
    node.put("description", group.description());
    node.put("securityEnabled", true);
    node.put("mailEnabled", false);
    node.put("isAssignableToRole", group.isAssignableToRole());
    return node;
  }

  ObjectNode role(SimRole role) {
    ObjectNode node = json.createObjectNode();
    node.put("@odata.type", "#microsoft.graph.directoryRole");
    node.put("id", role.id);
    node.put("displayName", role.displayName);
    node.put("roleTemplateId", role.roleTemplateId);
    return node;
  }

  public ObjectNode grant(SimGrant grant) {
    ObjectNode node = json.createObjectNode();
    node.put("id", grant.id());
    node.put("clientId", grant.clientId());
    node.put("consentType", grant.consentType());
    node.put("principalId", grant.principalId());
    node.put("resourceId", grant.resourceId());
    node.put("scope", grant.scope());
    return node;
  }

  public ObjectNode riskyUser(SimUser user) {
    ObjectNode node = json.createObjectNode();
    node.put("id", user.id);
    node.put("isDeleted", false);
    node.put("isProcessing", false);
    node.put("riskLastUpdatedDateTime", text(user.riskLastUpdatedDateTime));
    node.put("riskLevel", user.riskLevel);
    node.put("riskState", user.riskState);
    node.put(
        "riskDetail",
        "confirmedCompromised".equals(user.riskState) ? "adminConfirmedUserCompromised" : "none");
    node.put("userDisplayName", user.displayName);
    node.put("userPrincipalName", user.userPrincipalName);
    return node;
  }

  /** One page of a collection; {@code $top} 1..999 (default 100), {@code $skiptoken} an offset. */
  public GraphResponse list(List<ObjectNode> items, GraphRequest request) {
    int top = DEFAULT_PAGE;
    int offset = 0;
    try {
      if (request.query().containsKey("$top")) {
        top = Integer.parseInt(request.query().get("$top"));
      }
      if (request.query().containsKey("$skiptoken")) {
        offset = Integer.parseInt(request.query().get("$skiptoken"));
      }
    } catch (NumberFormatException e) {
      return GraphErrors.error(400, "BadRequest", "Invalid $top or $skiptoken value.");
    }
    if (top < 1 || top > MAX_PAGE || offset < 0) {
      return GraphErrors.error(
          400,
          "BadRequest",
          "Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
    }
    Set<String> select = selected(request);
    ObjectNode body = json.createObjectNode();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directoryObjects");
    ArrayNode value = body.putArray("value");
    int end = Math.min(items.size(), offset + top);
    for (int i = offset; i < end; i++) {
      value.add(project(items.get(i), select));
    }
    if (end < items.size()) {
      String base = request.headers().getOrDefault("x-sim-base-url", "https://localhost/v1.0");
      body.put(
          "@odata.nextLink", base + "/" + request.path() + "?$top=" + top + "&$skiptoken=" + end);
    }
    return GraphResponse.of(200, body);
  }

  private static Set<String> selected(GraphRequest request) {
    String select = request.query().get("$select");
    if (select == null) {
      return null;
    }
    Set<String> fields = new LinkedHashSet<>();
    for (String field : select.split(",")) {
      fields.add(field.strip());
    }
    return fields;
  }

  private ObjectNode project(ObjectNode item, Set<String> select) {
    if (select == null) {
      return item;
    }
    ObjectNode node = json.createObjectNode();
    if (item.has("@odata.type")) {
      node.set("@odata.type", item.get("@odata.type"));
    }
    for (String field : select) {
      if (item.has(field)) {
        node.set(field, item.get(field));
      }
    }
    return node;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
