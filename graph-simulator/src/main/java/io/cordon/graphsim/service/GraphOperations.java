package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.Outcome;
import io.cordon.graphsim.model.SimGrant;
import io.cordon.graphsim.model.SimRole;
import io.cordon.graphsim.model.SimUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Graph endpoints Cordon uses, with the state changes and validation Graph applies. Routes by
 * path segments; every answer is an {@link Outcome} for the journal.
 */
@ApplicationScoped
public class GraphOperations {
  static final Map<String, String> METHOD_TYPE_BY_SEGMENT =
      Map.of(
          "phoneMethods", "phoneAuthenticationMethod",
          "microsoftAuthenticatorMethods", "microsoftAuthenticatorAuthenticationMethod",
          "fido2Methods", "fido2AuthenticationMethod",
          "softwareOathMethods", "softwareOathAuthenticationMethod",
          "emailMethods", "emailAuthenticationMethod",
          "temporaryAccessPassMethods", "temporaryAccessPassAuthenticationMethod",
          "windowsHelloForBusinessMethods", "windowsHelloForBusinessAuthenticationMethod",
          "passwordMethods", "passwordAuthenticationMethod");
  static final String PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";
  static final String TAP_TYPE = "temporaryAccessPassAuthenticationMethod";

  /**
   * The tenant's Temporary Access Pass policy as Entra ships it (temporaryAccessPass
   * authenticationMethodConfiguration defaults): lifetimes of 60 to 480 minutes, 60 when none is
   * asked for. Graph's own bounds are 10 to 43200.
   */
  static final int TAP_POLICY_MIN_MINUTES = 60;

  static final int TAP_POLICY_MAX_MINUTES = 480;
  static final int TAP_POLICY_DEFAULT_MINUTES = 60;
  private static final String TAP_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+!@#$%&*";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  @Inject ObjectMapper json;
  @Inject TenantState state;
  @Inject UserViews views;
  @Inject PasswordPolicy passwordPolicy;
  @Inject GraphClock clock;
  @Inject ServicePrincipals servicePrincipals;
  @Inject RoleManagementOperations roleManagement;
  @Inject GroupOperations groups;
  @Inject DomainOperations domains;
  @Inject MailFolderOperations mailFolders;
  @Inject PersistenceEndpoints persistence;

  public Outcome handle(GraphRequest request) {
    return handle(request, null);
  }

  /**
   * @param roles the caller's application permissions; null when not known (then reads show
   *     everything)
   */
  public Outcome handle(GraphRequest request, java.util.Set<String> roles) {
    String[] s = request.path().isEmpty() ? new String[0] : request.path().split("/", -1);
    if (s.length == 0) {
      return Outcome.read(GraphErrors.segmentNotFound(""), "unknown", null);
    }
    return switch (s[0]) {
      case "users" -> users(request, s);
      case "oauth2PermissionGrants" -> grants(request, s);
      case "directoryRoles" -> directoryRoles(request, s);
      case "identityProtection" -> identityProtection(request, s);
      case "roleManagement" -> roleManagement.handle(request, s);
      case "groups" -> groups.handle(request, s, roles);
      case "domains" -> domains.handle(request, s);
      case "applications", "devices" -> state.apply(d -> persistence.handle(d, request, s));
      default ->
          state.apply(d -> persistence.handles(d, s))
              ? state.apply(d -> persistence.handle(d, request, s))
              : s[0].startsWith("servicePrincipals")
                  ? servicePrincipals.handle(request, s, roles)
                  : Outcome.read(GraphErrors.segmentNotFound(s[0]), "unknown", null);
    };
  }

  private Outcome users(GraphRequest request, String[] s) {
    if (s.length == 1) {
      return request.method().equals("GET")
          ? Outcome.read(state.apply(d -> views.userList(d, request)), "listUsers", null)
          : methodNotAllowed("listUsers");
    }
    return state.apply(
        d -> {
          SimUser user = d.user(s[1]);
          String action = userAction(request, s);
          if (user == null) {
            return Outcome.read(GraphErrors.userNotFound(s[1]), action, null);
          }
          if (s.length == 2) {
            return switch (request.method()) {
              case "GET" -> Outcome.read(views.user(user, request), action, user.id);
              case "PATCH" -> patchUser(d, user, request);
              default -> methodNotAllowed(action);
            };
          }
          return userChild(d, user, request, s, action);
        });
  }

  private Outcome userChild(
      Directory d, SimUser user, GraphRequest request, String[] s, String action) {
    String child = s[2];
    boolean get = request.method().equals("GET");
    switch (child) {
      case "revokeSignInSessions":
        return s.length == 3 && request.method().equals("POST")
            ? revoke(user, request)
            : methodNotAllowed(action);
      case "memberOf":
        return get && s.length == 3
            ? Outcome.read(views.memberOf(d, user, request, false), action, user.id)
            : methodNotAllowed(action);
      case "transitiveMemberOf":
        return get && s.length == 3
            ? Outcome.read(views.memberOf(d, user, request, true), action, user.id)
            : methodNotAllowed(action);
      case "oauth2PermissionGrants":
        return get && s.length == 3
            ? Outcome.read(views.grants(d.grantsOf(user.id), request), action, user.id)
            : methodNotAllowed(action);
      case "mailFolders":
        return s.length <= 4
            ? mailFolders.handle(user, request, s, action)
            : messageRules(user, request, s, action);
      case "authentication":
        return authentication(user, request, s, action);
      case "ownedObjects", "appRoleAssignments", "registeredDevices", "ownedDevices":
        return persistence.userChild(d, user, request, s);
      default:
        return Outcome.read(GraphErrors.segmentNotFound(child), action, user.id);
    }
  }

  static String userAction(GraphRequest request, String[] s) {
    if (s.length == 2) {
      return request.method().equals("PATCH") ? "updateUser" : "getUser";
    }
    return switch (s[2]) {
      case "revokeSignInSessions" -> "revokeSignInSessions";
      case "memberOf" -> "listMemberOf";
      case "transitiveMemberOf" -> "listTransitiveMemberOf";
      case "oauth2PermissionGrants" -> "listOAuth2PermissionGrants";
      case "ownedObjects", "appRoleAssignments", "registeredDevices", "ownedDevices" ->
          PersistenceEndpoints.userAction(request, s);
      case "mailFolders" ->
          s.length <= 4
              ? (s.length == 3 ? "listMailFolders" : "getMailFolder")
              : request.method().equals("DELETE") ? "deleteMessageRule" : "listMessageRules";
      case "authentication" ->
          request.method().equals("DELETE")
              ? "deleteAuthenticationMethod"
              : request.method().equals("POST")
                      && s.length == 4
                      && s[3].equals("temporaryAccessPassMethods")
                  ? "createTemporaryAccessPass"
                  : "listAuthenticationMethods";
      default -> "unknown";
    };
  }

  private Outcome patchUser(Directory d, SimUser user, GraphRequest request) {
    JsonNode body = parseObject(request);
    if (body == null) {
      return Outcome.read(GraphErrors.unreadableJson(), "updateUser", user.id);
    }
    List<String> actions = new ArrayList<>();
    JsonNode enabled = body.get("accountEnabled");
    JsonNode profile = body.get("passwordProfile");
    var fields = body.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (!UserViews.WRITABLE.contains(field)) {
        return Outcome.read(
            GraphErrors.badRequest(
                "Property '" + field + "' does not exist as a declared property or is read-only."),
            "updateUser",
            user.id);
      }
    }
    if (enabled != null && !enabled.isBoolean()) {
      return Outcome.read(
          GraphErrors.error(
              400,
              "BadRequest",
              "Cannot convert the literal '"
                  + enabled.asText()
                  + "' to the expected type 'Edm.Boolean'."),
          "updateUser",
          user.id);
    }
    if (profile != null) {
      actions.add("resetPassword");
      GraphResponse invalid = passwordPolicy.check(profile, user);
      if (invalid != null) {
        return Outcome.write(invalid, "resetPassword", List.of(user.id));
      }
    }
    if (enabled != null) {
      actions.add(enabled.asBoolean() ? "enableAccount" : "disableAccount");
    }
    String action = actions.isEmpty() ? "updateUser" : String.join("+", actions);
    if (user.onPremisesSyncEnabled && (profile != null || enabled != null)) {
      return Outcome.write(
          GraphErrors.badRequest(
              "Unable to update the specified properties for on-premises mastered Directory Sync"
                  + " objects or objects currently undergoing migration."),
          action,
          List.of(user.id));
    }
    if ((profile != null || enabled != null)
        && !d.rolesOf(user.id).isEmpty()
        && !servicePrincipals.coversPrivilegedUsers()) {
      // an administrator's password and sign-in are sensitive: the app needs a role at least as
      // privileged (Privileged Authentication Administrator or Global Administrator)
      return Outcome.write(GraphErrors.forbidden(), action, List.of(user.id));
    }
    Instant now = clock.now();
    if (profile != null) {
      user.lastPasswordChangeDateTime = clock.effectStamp();
      user.passwordChanges.add(now);
    }
    if (enabled != null && enabled.asBoolean() != user.accountEnabled) {
      user.accountEnabled = enabled.asBoolean();
      user.accountEnabledChanges.add(now);
    }
    if (body.has("displayName")) {
      user.displayName = body.get("displayName").asText();
    }
    if (body.has("jobTitle")) {
      user.jobTitle = body.get("jobTitle").asText();
    }
    if (body.has("department")) {
      user.department = body.get("department").asText();
    }
    return new Outcome(GraphResponse.of(204, null), action, List.of(user.id), !actions.isEmpty());
  }

  private Outcome revoke(SimUser user, GraphRequest request) {
    if (request.hasBody() && parseObject(request) == null) {
      return Outcome.read(GraphErrors.unreadableJson(), "revokeSignInSessions", user.id);
    }
    Instant now = clock.now();
    user.signInSessionsValidFromDateTime = clock.effectStamp();
    user.sessionRevocations.add(now);
    ObjectNode body = json.createObjectNode();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean");
    body.put("value", true);
    return Outcome.write(GraphResponse.of(200, body), "revokeSignInSessions", List.of(user.id));
  }

  private Outcome messageRules(SimUser user, GraphRequest request, String[] s, String action) {
    if (s.length < 5 || !s[4].equals("messageRules")) {
      return Outcome.read(
          GraphErrors.segmentNotFound(s.length > 4 ? s[4] : "mailFolders"), action, user.id);
    }
    if (!user.mailboxEnabled) {
      return Outcome.read(
          GraphErrors.error(
              404,
              "MailboxNotEnabledForRESTAPI",
              "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
          action,
          user.id);
    }
    if (!s[3].equalsIgnoreCase("inbox")) {
      return Outcome.read(
          GraphErrors.error(
              404, "ErrorItemNotFound", "The specified object was not found in the store."),
          action,
          user.id);
    }
    if (s.length == 5) {
      return request.method().equals("GET")
          ? Outcome.read(views.list(new ArrayList<>(user.messageRules), request), action, user.id)
          : methodNotAllowed(action);
    }
    String ruleId = s[5];
    ObjectNode rule =
        user.messageRules.stream()
            .filter(r -> r.path("id").asText().equals(ruleId))
            .findFirst()
            .orElse(null);
    if (rule == null) {
      return Outcome.write(
          GraphErrors.error(
              404, "ErrorItemNotFound", "The specified object was not found in the store."),
          action,
          List.of(user.id));
    }
    return switch (request.method()) {
      case "GET" -> Outcome.read(GraphResponse.of(200, rule), "getMessageRule", user.id);
      case "DELETE" -> {
        user.messageRules.remove(rule);
        yield Outcome.write(GraphResponse.of(204, null), "deleteMessageRule", List.of(user.id));
      }
      default -> methodNotAllowed(action);
    };
  }

  private Outcome authentication(SimUser user, GraphRequest request, String[] s, String action) {
    if (s.length == 4 && s[3].equals("methods") && request.method().equals("GET")) {
      return Outcome.read(views.methods(user, request), action, user.id);
    }
    if (s.length == 4 && s[3].equals("temporaryAccessPassMethods")) {
      return switch (request.method()) {
        case "POST" -> createTemporaryAccessPass(user, request);
        case "GET" -> Outcome.read(temporaryAccessPasses(user, request), action, user.id);
        default -> methodNotAllowed(action);
      };
    }
    if (s.length != 5 || !METHOD_TYPE_BY_SEGMENT.containsKey(s[3])) {
      return Outcome.read(
          GraphErrors.segmentNotFound(s.length > 3 ? s[3] : "authentication"), action, user.id);
    }
    if (!request.method().equals("DELETE")) {
      return methodNotAllowed(action);
    }
    String type = METHOD_TYPE_BY_SEGMENT.get(s[3]);
    if (type.equals("passwordAuthenticationMethod")) {
      return Outcome.write(
          GraphErrors.badRequest("The password authentication method cannot be deleted."),
          action,
          List.of(user.id));
    }
    SimUser.AuthMethod method =
        user.authenticationMethods.stream()
            .filter(m -> m.id().equals(s[4]) && m.type().equals(type))
            .findFirst()
            .orElse(null);
    if (method == null) {
      return Outcome.write(GraphErrors.notFound(s[4]), action, List.of(user.id));
    }
    user.authenticationMethods.remove(method);
    return Outcome.write(GraphResponse.of(204, null), action, List.of(user.id));
  }

  /**
   * Create temporaryAccessPassMethod (v1.0): 201 with the pass, which only this answer ever shows.
   * A user has one usable pass: a new one replaces (deletes) the one before. Lifetimes outside
   * 10–43200 minutes or the tenant policy are refused; so are guests.
   */
  private Outcome createTemporaryAccessPass(SimUser user, GraphRequest request) {
    String action = "createTemporaryAccessPass";
    JsonNode body = request.hasBody() ? parseObject(request) : json.createObjectNode();
    if (body == null) {
      return Outcome.read(GraphErrors.unreadableJson(), action, user.id);
    }
    if (user.guest()) {
      return Outcome.write(
          GraphErrors.badRequest("Temporary Access Pass is not supported for external users."),
          action,
          List.of(user.id));
    }
    JsonNode lifetimeNode = body.get("lifetimeInMinutes");
    if (lifetimeNode != null && !lifetimeNode.canConvertToInt()) {
      return Outcome.write(
          GraphErrors.badRequest("Invalid value for lifetimeInMinutes."), action, List.of(user.id));
    }
    int lifetime = lifetimeNode == null ? TAP_POLICY_DEFAULT_MINUTES : lifetimeNode.asInt();
    if (lifetime < 10 || lifetime > 43200) {
      return Outcome.write(
          GraphErrors.badRequest("lifetimeInMinutes must be between 10 and 43200."),
          action,
          List.of(user.id));
    }
    if (lifetime < TAP_POLICY_MIN_MINUTES || lifetime > TAP_POLICY_MAX_MINUTES) {
      return Outcome.write(
          GraphErrors.badRequest(
              "lifetimeInMinutes must be between "
                  + TAP_POLICY_MIN_MINUTES
                  + " and "
                  + TAP_POLICY_MAX_MINUTES
                  + " as set by the Temporary Access Pass policy."),
          action,
          List.of(user.id));
    }
    boolean once = body.path("isUsableOnce").asBoolean(false);
    Instant now = clock.now();
    Instant start = now;
    if (body.hasNonNull("startDateTime")) {
      try {
        start = java.time.OffsetDateTime.parse(body.get("startDateTime").asText()).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        return Outcome.write(
            GraphErrors.badRequest("Invalid value for startDateTime."), action, List.of(user.id));
      }
    }
    user.authenticationMethods.removeIf(m -> m.type().equals(TAP_TYPE));
    ObjectNode properties = json.createObjectNode();
    properties.put("createdDateTime", now.toString());
    properties.put("startDateTime", start.toString());
    properties.put("lifetimeInMinutes", lifetime);
    properties.put("isUsableOnce", once);
    boolean usable = !start.isAfter(now);
    properties.put("isUsable", usable);
    properties.put("methodUsabilityReason", usable ? "EnabledByPolicy" : "NotYetValid");
    String id = java.util.UUID.randomUUID().toString();
    user.authenticationMethods.add(new SimUser.AuthMethod(id, TAP_TYPE, properties));
    ObjectNode answer = json.createObjectNode();
    answer.put(
        "@odata.context",
        "https://graph.microsoft.com/v1.0/$metadata#users('"
            + user.id
            + "')/authentication/temporaryAccessPassMethods/$entity");
    answer.put("@odata.type", "#microsoft.graph." + TAP_TYPE);
    answer.put("id", id);
    // the pass exists in this answer only: the simulator keeps no copy of it
    answer.put("temporaryAccessPass", newPass());
    answer.setAll(properties);
    return Outcome.write(GraphResponse.of(201, answer), action, List.of(user.id));
  }

  private GraphResponse temporaryAccessPasses(SimUser user, GraphRequest request) {
    List<ObjectNode> items = new ArrayList<>();
    for (SimUser.AuthMethod method : user.authenticationMethods) {
      if (method.type().equals(TAP_TYPE)) {
        ObjectNode node = json.createObjectNode();
        node.put("@odata.type", "#microsoft.graph." + TAP_TYPE);
        node.put("id", method.id());
        // listed without the pass (Graph returns it only when the pass is created)
        node.putNull("temporaryAccessPass");
        node.setAll(method.properties());
        items.add(node);
      }
    }
    return views.list(items, request);
  }

  private static String newPass() {
    StringBuilder pass = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      pass.append(TAP_ALPHABET.charAt(RANDOM.nextInt(TAP_ALPHABET.length())));
    }
    return pass.toString();
  }

  private Outcome grants(GraphRequest request, String[] s) {
    if (s.length != 2) {
      return Outcome.read(GraphErrors.segmentNotFound(s[0]), "unknown", null);
    }
    return state.apply(
        d -> {
          SimGrant grant = d.grant(s[1]);
          String action =
              request.method().equals("DELETE")
                  ? "deleteOAuth2PermissionGrant"
                  : "getOAuth2PermissionGrant";
          if (grant == null) {
            return Outcome.write(GraphErrors.notFound(s[1]), action, List.of());
          }
          List<String> users =
              grant.principalId() == null ? List.of() : List.of(grant.principalId());
          return switch (request.method()) {
            case "GET" ->
                Outcome.read(
                    GraphResponse.of(200, views.grant(grant)), action, grant.principalId());
            case "DELETE" -> {
              d.removeGrant(grant.id());
              yield Outcome.write(GraphResponse.of(204, null), action, users);
            }
            default -> methodNotAllowed(action);
          };
        });
  }

  private Outcome directoryRoles(GraphRequest request, String[] s) {
    return state.apply(
        d -> {
          if (s.length == 1 && request.method().equals("GET")) {
            return Outcome.read(views.roles(d.roles(), request), "listDirectoryRoles", null);
          }
          SimRole role = s.length > 1 ? d.role(s[1]) : null;
          if (role == null) {
            return Outcome.read(
                GraphErrors.notFound(s.length > 1 ? s[1] : ""), "directoryRole", null);
          }
          if (s.length == 3 && s[2].equals("members") && request.method().equals("GET")) {
            List<SimUser> members =
                role.memberIds.stream().map(d::user).filter(u -> u != null).toList();
            return Outcome.read(
                views.userObjects(members, request), "listDirectoryRoleMembers", null);
          }
          if (s.length == 5 && s[2].equals("members") && s[4].equals("$ref")) {
            if (!request.method().equals("DELETE")) {
              return methodNotAllowed("removeDirectoryRoleMember");
            }
            SimUser user = d.user(s[3]);
            String memberId = user != null ? user.id : s[3].toLowerCase();
            if (!role.memberIds.remove(memberId)) {
              return Outcome.write(
                  GraphErrors.notFound(s[3]), "removeDirectoryRoleMember", List.of(memberId));
            }
            return Outcome.write(
                GraphResponse.of(204, null), "removeDirectoryRoleMember", List.of(memberId));
          }
          return Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), "directoryRole", null);
        });
  }

  private Outcome identityProtection(GraphRequest request, String[] s) {
    if (s.length < 2 || !s[1].equals("riskyUsers")) {
      return Outcome.read(GraphErrors.segmentNotFound(s.length > 1 ? s[1] : s[0]), "unknown", null);
    }
    if (s.length == 3 && s[2].equals("confirmCompromised")) {
      return request.method().equals("POST")
          ? confirmCompromised(request)
          : methodNotAllowed("confirmCompromised");
    }
    if (s.length == 3 && s[2].equals("dismiss")) {
      return request.method().equals("POST") ? dismiss(request) : methodNotAllowed("dismiss");
    }
    if (s.length == 3 && request.method().equals("GET")) {
      return state.apply(
          d -> {
            SimUser user = d.user(s[2]);
            if (user == null || "none".equals(user.riskState)) {
              return Outcome.read(
                  GraphErrors.notFound(s[2]), "getRiskyUser", user == null ? null : user.id);
            }
            return Outcome.read(
                GraphResponse.of(200, views.riskyUser(user)), "getRiskyUser", user.id);
          });
    }
    return Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), "unknown", null);
  }

  /**
   * riskyUser: dismiss (v1.0): sets the users' risk level to none; 204. A user without risk stays
   * as it is, so only users whose state changed count as this call's effect.
   */
  private Outcome dismiss(GraphRequest request) {
    return changeRisk(
        request, "dismiss", user -> !"none".equals(user.riskLevel), "dismissed", "none");
  }

  /**
   * riskyUser: confirmCompromised (v1.0): risk state confirmedCompromised, level high; 204. A user
   * already confirmed stays as it is.
   */
  private Outcome confirmCompromised(GraphRequest request) {
    return changeRisk(
        request,
        "confirmCompromised",
        user -> !"confirmedCompromised".equals(user.riskState),
        "confirmedCompromised",
        "high");
  }

  /**
   * Sets the risk of the body's {@code userIds} that need it; only the users whose risk changed
   * count as an effect of the call.
   */
  private Outcome changeRisk(
      GraphRequest request,
      String action,
      Predicate<SimUser> needsChange,
      String riskState,
      String riskLevel) {
    Object parsed = userIds(request, action);
    if (parsed instanceof Outcome refused) {
      return refused;
    }
    @SuppressWarnings("unchecked")
    List<String> userIds = (List<String>) parsed;
    return state.apply(
        d -> {
          Instant now = clock.now();
          List<String> changed = new ArrayList<>();
          for (String id : userIds) {
            SimUser user = d.user(id);
            if (user != null && needsChange.test(user)) {
              user.riskState = riskState;
              user.riskLevel = riskLevel;
              user.riskLastUpdatedDateTime = now;
              changed.add(user.id);
            }
          }
          return new Outcome(GraphResponse.of(204, null), action, changed, !changed.isEmpty());
        });
  }

  /** The body's {@code userIds} in lower case, or the Outcome refusing the request. */
  private Object userIds(GraphRequest request, String action) {
    JsonNode body = parseObject(request);
    if (body == null) {
      return Outcome.read(GraphErrors.unreadableJson(), action, null);
    }
    JsonNode ids = body.get("userIds");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      return Outcome.read(
          GraphErrors.badRequest("userIds is required and must be a non-empty collection."),
          action,
          null);
    }
    List<String> userIds = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isTextual() || !UserViews.isGuid(id.asText())) {
        return Outcome.read(
            GraphErrors.badRequest("Invalid user id '" + id.asText() + "' in userIds."),
            action,
            null);
      }
      userIds.add(id.asText().toLowerCase());
    }
    return userIds;
  }

  private JsonNode parseObject(GraphRequest request) {
    if (!request.hasBody()) {
      return null;
    }
    try {
      JsonNode node = json.readTree(request.body());
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Outcome methodNotAllowed(String action) {
    return Outcome.read(
        GraphErrors.error(
            405, "Request_BadRequest", "The requested method is not allowed on this resource."),
        action,
        null);
  }
}
