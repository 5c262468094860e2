package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.Outcome;
import io.cordon.graphsim.model.SimUser;
import io.cordon.graphsim.service.PersistenceObjects.App;
import io.cordon.graphsim.service.PersistenceObjects.Assignment;
import io.cordon.graphsim.service.PersistenceObjects.Device;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoints for what an attacker may leave behind, answered as Graph v1.0 documents them:
 *
 * <ul>
 *   <li>{@code GET /users/{id}/ownedObjects[/microsoft.graph.application|servicePrincipal]}
 *   <li>{@code POST /applications/{id}/removePassword|removeKey}, {@code POST
 *       /servicePrincipals/{id}/removePassword|removeKey}: removeKey wants a {@code proof} JWT
 *       (audience {@code 00000002-0000-0000-c000-000000000000}, issuer the object's id, not
 *       expired); the simulator checks those claims, not the signature (it holds no key material)
 *   <li>{@code GET /users/{id}/appRoleAssignments}, {@code DELETE
 *       /users/{id}/appRoleAssignments/{id}}, {@code GET /servicePrincipals/{id}}
 *   <li>{@code GET /users/{id}/registeredDevices|ownedDevices[/microsoft.graph.device]}, {@code
 *       GET|PATCH /devices/{id}}: an app may change a device only holding Cloud Device
 *       Administrator, Intune Administrator or Global Administrator, and (app-only) only the
 *       extension attributes of a device that does not run Windows
 * </ul>
 */
@ApplicationScoped
public class PersistenceEndpoints {
  /** The action names of these endpoints and the application permissions allowing each. */
  static final Map<String, List<String>> PERMISSIONS =
      Map.ofEntries(
          Map.entry(
              "listOwnedObjects",
              List.of(
                  "User.Read.All",
                  "User.ReadWrite.All",
                  "Directory.Read.All",
                  "Directory.ReadWrite.All")),
          Map.entry(
              "listAppRoleAssignments",
              List.of(
                  "User.Read.All",
                  "User.ReadWrite.All",
                  "AppRoleAssignment.ReadWrite.All",
                  "Directory.Read.All",
                  "Directory.ReadWrite.All")),
          Map.entry(
              "deleteAppRoleAssignment",
              List.of("AppRoleAssignment.ReadWrite.All", "Directory.ReadWrite.All")),
          Map.entry(
              "listDevices",
              List.of(
                  "User.Read.All",
                  "User.ReadWrite.All",
                  "Device.Read.All",
                  "Device.ReadWrite.All",
                  "Directory.Read.All",
                  "Directory.ReadWrite.All")),
          Map.entry(
              "getApplication",
              List.of(
                  "Application.Read.All",
                  "Application.ReadWrite.All",
                  "Directory.Read.All",
                  "Directory.ReadWrite.All")),
          Map.entry(
              "removePassword", List.of("Application.ReadWrite.All", "Directory.ReadWrite.All")),
          Map.entry("removeKey", List.of("Application.ReadWrite.All", "Directory.ReadWrite.All")),
          Map.entry(
              "getDevice",
              List.of(
                  "Device.Read.All",
                  "Device.ReadWrite.All",
                  "Directory.Read.All",
                  "Directory.ReadWrite.All")),
          Map.entry("updateDevice", List.of("Device.ReadWrite.All", "Directory.ReadWrite.All")));

  /** Roles of the app that may enable or disable devices (update device, v1.0). */
  static final List<String> DEVICE_ROLES =
      List.of("Cloud Device Administrator", "Intune Administrator", "Global Administrator");

  static final Set<String> USER_CHILDREN =
      Set.of("ownedObjects", "appRoleAssignments", "registeredDevices", "ownedDevices");

  private static final String PROOF_AUDIENCE = "00000002-0000-0000-c000-000000000000";

  @Inject ObjectMapper json;
  @Inject UserViews views;
  @Inject TokenService tokens;
  @Inject GraphClock clock;

  /** The action name of a request to a user's child handled here. */
  static String userAction(GraphRequest request, String[] s) {
    return switch (s[2]) {
      case "ownedObjects" -> "listOwnedObjects";
      case "appRoleAssignments" ->
          request.method().equals("DELETE") ? "deleteAppRoleAssignment" : "listAppRoleAssignments";
      default -> "listDevices";
    };
  }

  /**
   * The action name of a request to {@code applications}, {@code devices} or a service principal's
   * credentials; null for other paths.
   */
  static String action(GraphRequest request, String[] s) {
    if (s.length >= 3
        && (s[0].equals("applications") || s[0].equals("servicePrincipals"))
        && (s[2].equals("removePassword") || s[2].equals("removeKey"))) {
      return s[2];
    }
    return switch (s[0]) {
      case "applications" -> "getApplication";
      case "devices" -> request.method().equals("PATCH") ? "updateDevice" : "getDevice";
      default -> null;
    };
  }

  /** Whether a service principal other than the app's own is addressed ({@code /sp/{id}/...}). */
  public boolean handles(Directory d, String[] s) {
    return s.length >= 2
        && s[0].equals("servicePrincipals")
        && d.persistence.servicePrincipal(s[1]) != null;
  }

  public Outcome userChild(Directory d, SimUser user, GraphRequest request, String[] s) {
    String action = userAction(request, s);
    boolean get = request.method().equals("GET");
    PersistenceObjects p = d.persistence;
    switch (s[2]) {
      case "ownedObjects" -> {
        if (!get) {
          return methodNotAllowed(action);
        }
        String cast = s.length == 4 ? castOf(s[3]) : s.length == 3 ? "" : null;
        if (cast == null
            || !(cast.isEmpty() || cast.equals("application") || cast.equals("servicePrincipal"))) {
          return Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), action, user.id);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (App app : p.ownedBy(user.id)) {
          if (cast.isEmpty() || cast.equals(app.kind)) {
            items.add(app(app));
          }
        }
        return Outcome.read(views.list(items, request), action, user.id);
      }
      case "appRoleAssignments" -> {
        if (s.length == 3 && get) {
          return Outcome.read(
              views.list(p.assignmentsOf(user.id).stream().map(this::assignment).toList(), request),
              action,
              user.id);
        }
        if (s.length == 4 && request.method().equals("DELETE")) {
          Assignment assignment = p.assignments.get(s[3]);
          if (assignment == null || !user.id.equals(assignment.principalId())) {
            return Outcome.write(GraphErrors.notFound(s[3]), action, List.of(user.id));
          }
          p.removeAssignment(s[3]);
          return Outcome.write(GraphResponse.of(204, null), action, List.of(user.id));
        }
        return methodNotAllowed(action);
      }
      default -> {
        String cast = s.length == 4 ? castOf(s[3]) : s.length == 3 ? "" : null;
        if (!get || cast == null || !(cast.isEmpty() || cast.equals("device"))) {
          return s.length > 4 || (cast != null && !cast.isEmpty() && !cast.equals("device"))
              ? Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), action, user.id)
              : methodNotAllowed(action);
        }
        List<Device> devices =
            s[2].equals("registeredDevices") ? p.registeredBy(user.id) : p.ownedDevicesOf(user.id);
        return Outcome.read(
            views.list(devices.stream().map(this::device).toList(), request), action, user.id);
      }
    }
  }

  /** {@code applications/...}, {@code devices/...} and other service principals. */
  public Outcome handle(Directory d, GraphRequest request, String[] s) {
    String action = action(request, s) == null ? "getServicePrincipal" : action(request, s);
    if (s.length < 2) {
      return Outcome.read(GraphErrors.segmentNotFound(s[0]), action, null);
    }
    if (s[0].equals("devices")) {
      return device(d, request, s, action);
    }
    App app =
        s[0].equals("applications")
            ? d.persistence.application(s[1])
            : d.persistence.servicePrincipal(s[1]);
    if (app == null) {
      return Outcome.read(GraphErrors.notFound(s[1]), action, null);
    }
    List<String> owners = List.copyOf(app.owners);
    if (s.length == 2) {
      if (!request.method().equals("GET")) {
        return methodNotAllowed(action);
      }
      return Outcome.read(GraphResponse.of(200, app(app)), action, null);
    }
    if (s.length != 3 || !request.method().equals("POST")) {
      return s.length == 3 && (s[2].equals("removePassword") || s[2].equals("removeKey"))
          ? methodNotAllowed(action)
          : Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), action, null);
    }
    JsonNode body = parse(request);
    if (body == null) {
      return Outcome.write(GraphErrors.unreadableJson(), action, owners);
    }
    String keyId = body.path("keyId").asText("");
    if (keyId.isEmpty()) {
      return Outcome.write(
          GraphErrors.badRequest("The value of parameter 'keyId' is missing."), action, owners);
    }
    if (s[2].equals("removeKey")) {
      String refused = proofProblem(body.path("proof").asText(""), app);
      if (refused != null) {
        return Outcome.write(GraphErrors.badRequest(refused), action, owners);
      }
    }
    List<ObjectNode> credentials =
        s[2].equals("removePassword") ? app.passwordCredentials : app.keyCredentials;
    boolean removed = credentials.removeIf(c -> keyId.equalsIgnoreCase(c.path("keyId").asText()));
    if (!removed) {
      return Outcome.write(
          GraphErrors.error(
              404,
              "Request_ResourceNotFound",
              "No credential with keyId '" + keyId + "' was found on the object."),
          action,
          owners);
    }
    return Outcome.write(GraphResponse.of(204, null), action, owners);
  }

  private Outcome device(Directory d, GraphRequest request, String[] s, String action) {
    Device device = s.length == 2 ? d.persistence.device(s[1]) : null;
    if (s.length != 2) {
      return Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), action, null);
    }
    if (device == null) {
      return Outcome.read(GraphErrors.notFound(s[1]), action, null);
    }
    List<String> users = new ArrayList<>(device.registeredUsers);
    device.registeredOwners.stream().filter(u -> !users.contains(u)).forEach(users::add);
    switch (request.method()) {
      case "GET":
        return Outcome.read(GraphResponse.of(200, device(device)), action, null);
      case "PATCH":
        break;
      default:
        return methodNotAllowed(action);
    }
    JsonNode body = parse(request);
    if (body == null || !body.isObject()) {
      return Outcome.write(GraphErrors.unreadableJson(), action, users);
    }
    JsonNode enabled = body.get("accountEnabled");
    boolean onlyExtensions = true;
    for (var fields = body.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!field.startsWith("@odata.") && !field.equals("extensionAttributes")) {
        onlyExtensions = false;
      }
    }
    if (tokens.directoryRoles().stream().noneMatch(DEVICE_ROLES::contains)) {
      return Outcome.write(GraphErrors.forbidden(), action, users);
    }
    if (!onlyExtensions && !device.operatingSystem.toLowerCase().startsWith("windows")) {
      // app-only, a device that does not run Windows takes only its extension attributes
      return Outcome.write(GraphErrors.forbidden(), action, users);
    }
    if (enabled != null && !enabled.isBoolean()) {
      return Outcome.write(
          GraphErrors.badRequest(
              "Cannot convert the literal '"
                  + enabled.asText()
                  + "' to the expected type 'Edm.Boolean'."),
          action,
          users);
    }
    boolean changed = enabled != null && enabled.asBoolean() != device.accountEnabled;
    if (enabled != null) {
      device.accountEnabled = enabled.asBoolean();
    }
    return new Outcome(GraphResponse.of(204, null), action, users, changed);
  }

  /** Null when the proof's claims are those Graph asks for; else Graph's kind of refusal. */
  private String proofProblem(String proof, App app) {
    if (proof.isEmpty()) {
      return "The value of parameter 'proof' is missing: removeKey requires a proof of possession"
          + " signed with an existing key of the object.";
    }
    String[] parts = proof.split("\\.");
    try {
      JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
      boolean valid =
          parts.length == 3
              && PROOF_AUDIENCE.equals(claims.path("aud").asText())
              && app.id.equalsIgnoreCase(claims.path("iss").asText())
              && claims.path("exp").asLong(0) > clock.now().getEpochSecond();
      return valid ? null : "Proof of possession validation failed.";
    } catch (IOException | RuntimeException e) {
      return "Proof of possession validation failed.";
    }
  }

  private static String castOf(String segment) {
    if (segment.startsWith("microsoft.graph.")) {
      return segment.substring("microsoft.graph.".length());
    }
    return segment.startsWith("graph.") ? segment.substring("graph.".length()) : null;
  }

  private ObjectNode app(App app) {
    ObjectNode node = json.createObjectNode();
    node.put("@odata.type", "#microsoft.graph." + app.kind);
    node.put("id", app.id);
    node.put("appId", app.appId);
    node.put("displayName", app.displayName);
    // Graph never returns a secret's value after it is added: secretText is null, hint stays
    node.putArray("passwordCredentials")
        .addAll(
            app.passwordCredentials.stream().map(c -> c.deepCopy().putNull("secretText")).toList());
    node.putArray("keyCredentials")
        .addAll(app.keyCredentials.stream().map(c -> c.deepCopy().putNull("key")).toList());
    return node;
  }

  private ObjectNode assignment(Assignment a) {
    ObjectNode node = json.createObjectNode();
    node.put("id", a.id());
    node.put("appRoleId", "00000000-0000-0000-0000-000000000000");
    node.put("createdDateTime", a.createdDateTime());
    node.put("principalId", a.principalId());
    node.put("principalType", "User");
    node.put("resourceId", a.resourceId());
    node.put("resourceDisplayName", a.resourceDisplayName());
    return node;
  }

  private ObjectNode device(Device d) {
    ObjectNode node = json.createObjectNode();
    node.put("@odata.type", "#microsoft.graph.device");
    node.put("id", d.id);
    node.put("deviceId", d.deviceId);
    node.put("displayName", d.displayName);
    node.put("operatingSystem", d.operatingSystem);
    node.put("accountEnabled", d.accountEnabled);
    node.put("registrationDateTime", d.registrationDateTime);
    return node;
  }

  private JsonNode parse(GraphRequest request) {
    if (!request.hasBody()) {
      return null;
    }
    try {
      return json.readTree(request.body());
    } catch (IOException e) {
      return null;
    }
  }

  private static Outcome methodNotAllowed(String action) {
    return Outcome.read(
        GraphErrors.error(405, "Request_BadRequest", "Specified HTTP method is not allowed."),
        action,
        null);
  }
}
