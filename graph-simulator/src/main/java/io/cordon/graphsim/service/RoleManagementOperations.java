package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.Outcome;
import io.cordon.graphsim.model.SimRole;
import io.cordon.graphsim.model.SimRoleSchedule;
import io.cordon.graphsim.model.SimUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /roleManagement/directory/...} (v1.0, Privileged Identity Management and unified RBAC):
 * list roleEligibilitySchedules and roleAssignmentSchedules, remove them with an {@code
 * adminRemove} roleEligibilityScheduleRequest / roleAssignmentScheduleRequest (201 with the
 * request, status Revoked; 400 RoleAssignmentDoesNotExist when the principal holds no such role),
 * and list and delete roleAssignments (a user's directory role memberships and active PIM
 * assignments).
 */
@ApplicationScoped
public class RoleManagementOperations {
  private static final Pattern PRINCIPAL_FILTER =
      Pattern.compile("principalId\\s+eq\\s+'([^']+)'", Pattern.CASE_INSENSITIVE);

  @Inject TenantState state;
  @Inject UserViews views;
  @Inject ObjectMapper json;

  /** The action name of a request under {@code roleManagement/directory}. */
  static String classify(String method, String[] s) {
    String collection = s.length > 2 ? s[2] : "";
    return switch (collection) {
      case "roleEligibilitySchedules" -> "listRoleEligibilitySchedules";
      case "roleAssignmentSchedules" -> "listRoleAssignmentSchedules";
      case "roleEligibilityScheduleRequests" -> "createRoleEligibilityScheduleRequest";
      case "roleAssignmentScheduleRequests" -> "createRoleAssignmentScheduleRequest";
      case "roleAssignments" ->
          method.equals("DELETE") ? "deleteRoleAssignment" : "listRoleAssignments";
      default -> "unknown";
    };
  }

  public Outcome handle(GraphRequest request, String[] s) {
    String action = classify(request.method(), s);
    if (s.length < 3 || !s[1].equals("directory") || action.equals("unknown")) {
      return Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), action, null);
    }
    String method = request.method();
    return state.apply(
        d -> {
          switch (s[2]) {
            case "roleEligibilitySchedules", "roleAssignmentSchedules" -> {
              if (!method.equals("GET") || s.length != 3) {
                return notAllowed(action);
              }
              boolean eligible = s[2].equals("roleEligibilitySchedules");
              String principal = principalFilter(request);
              List<ObjectNode> items = new ArrayList<>();
              for (SimRoleSchedule schedule : d.roleSchedules) {
                if (schedule.eligible() == eligible
                    && (principal == null || principal.equalsIgnoreCase(schedule.principalId()))) {
                  items.add(schedule(schedule));
                }
              }
              return Outcome.read(views.list(items, request), action, principal);
            }
            case "roleEligibilityScheduleRequests", "roleAssignmentScheduleRequests" -> {
              if (!method.equals("POST") || s.length != 3) {
                return notAllowed(action);
              }
              return scheduleRequest(d, request, s[2].startsWith("roleEligibility"), action);
            }
            default -> {
              return roleAssignments(d, request, s, action);
            }
          }
        });
  }

  private Outcome scheduleRequest(
      Directory d, GraphRequest request, boolean eligible, String action) {
    JsonNode body = parse(request);
    if (body == null) {
      return Outcome.read(GraphErrors.unreadableJson(), action, null);
    }
    String principal = body.path("principalId").asText(null);
    String role = body.path("roleDefinitionId").asText(null);
    String scope = body.path("directoryScopeId").asText(null);
    String kind = body.path("action").asText("");
    if (principal == null || role == null || scope == null) {
      return Outcome.read(
          GraphErrors.badRequest(
              "principalId, roleDefinitionId and directoryScopeId are required."),
          action,
          principal);
    }
    if (!kind.equals("adminRemove")) {
      // the simulator models the removal a containment makes, not assignments or activations
      return Outcome.read(
          GraphErrors.badRequest("The simulator supports only the adminRemove action."),
          action,
          principal);
    }
    SimUser user = d.user(principal);
    String principalId = user != null ? user.id : principal.toLowerCase();
    SimRoleSchedule held =
        d.roleSchedules.stream()
            .filter(
                x ->
                    x.eligible() == eligible
                        && x.principalId().equals(principalId)
                        && x.roleDefinitionId().equalsIgnoreCase(role)
                        && x.directoryScopeId().equals(scope))
            .findFirst()
            .orElse(null);
    if (held == null) {
      return Outcome.write(
          GraphErrors.error(
              400, "RoleAssignmentDoesNotExist", "The Role assignment does not exist."),
          action,
          List.of(principalId));
    }
    d.roleSchedules.remove(held);
    ObjectNode answer = json.createObjectNode();
    answer.put("id", UUID.randomUUID().toString());
    answer.put("action", "adminRemove");
    answer.put("principalId", principalId);
    answer.put("roleDefinitionId", held.roleDefinitionId());
    answer.put("directoryScopeId", held.directoryScopeId());
    answer.put("status", "Revoked");
    answer.put("createdDateTime", Instant.now().toString());
    answer.put("completedDateTime", Instant.now().toString());
    answer.put("justification", body.path("justification").asText(null));
    answer.put("targetScheduleId", held.id());
    return Outcome.write(GraphResponse.of(201, answer), action, List.of(principalId));
  }

  /**
   * A user's role assignments: its directory role memberships (id {@code roleId_userId}) and its
   * active PIM assignments (the schedule's id).
   */
  private Outcome roleAssignments(Directory d, GraphRequest request, String[] s, String action) {
    if (s.length == 3 && request.method().equals("GET")) {
      String principal = principalFilter(request);
      List<ObjectNode> items = new ArrayList<>();
      for (SimRole role : d.roles()) {
        for (String member : role.memberIds) {
          if (principal == null || principal.equalsIgnoreCase(member)) {
            items.add(assignment(role.id + "_" + member, member, role.roleTemplateId, "/"));
          }
        }
      }
      for (SimRoleSchedule schedule : d.roleSchedules) {
        if (!schedule.eligible()
            && (principal == null || principal.equalsIgnoreCase(schedule.principalId()))) {
          items.add(
              assignment(
                  schedule.id(),
                  schedule.principalId(),
                  schedule.roleDefinitionId(),
                  schedule.directoryScopeId()));
        }
      }
      return Outcome.read(views.list(items, request), action, principal);
    }
    if (s.length != 4 || !request.method().equals("DELETE")) {
      return notAllowed(action);
    }
    String id = s[3];
    int split = id.indexOf('_');
    if (split > 0) {
      SimRole role = d.role(id.substring(0, split));
      String member = id.substring(split + 1);
      if (role != null && role.memberIds.remove(member)) {
        return Outcome.write(GraphResponse.of(204, null), action, List.of(member));
      }
    }
    SimRoleSchedule active =
        d.roleSchedules.stream()
            .filter(x -> !x.eligible() && x.id().equals(id))
            .findFirst()
            .orElse(null);
    if (active == null) {
      return Outcome.write(GraphErrors.notFound(id), action, List.of());
    }
    d.roleSchedules.remove(active);
    return Outcome.write(GraphResponse.of(204, null), action, List.of(active.principalId()));
  }

  private ObjectNode schedule(SimRoleSchedule schedule) {
    ObjectNode node = json.createObjectNode();
    node.put("id", schedule.id());
    node.put("principalId", schedule.principalId());
    node.put("roleDefinitionId", schedule.roleDefinitionId());
    node.put("directoryScopeId", schedule.directoryScopeId());
    node.putNull("appScopeId");
    node.put("createdUsing", schedule.id());
    node.put("createdDateTime", schedule.createdDateTime().toString());
    node.put("memberType", "Direct");
    node.put("status", "Provisioned");
    if (!schedule.eligible()) {
      node.put("assignmentType", "Assigned");
    }
    ObjectNode info = node.putObject("scheduleInfo");
    info.put("startDateTime", schedule.createdDateTime().toString());
    info.putObject("expiration").put("type", "noExpiration");
    return node;
  }

  private ObjectNode assignment(String id, String principal, String role, String scope) {
    ObjectNode node = json.createObjectNode();
    node.put("id", id);
    node.put("principalId", principal);
    node.put("roleDefinitionId", role);
    node.put("directoryScopeId", scope);
    return node;
  }

  /** {@code $filter=principalId eq '...'}, the one filter Cordon sends; null when absent. */
  private static String principalFilter(GraphRequest request) {
    String filter = request.query().get("$filter");
    if (filter == null) {
      return null;
    }
    Matcher m = PRINCIPAL_FILTER.matcher(filter);
    return m.find() ? m.group(1).toLowerCase() : null;
  }

  private JsonNode parse(GraphRequest request) {
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

  private static Outcome notAllowed(String action) {
    return Outcome.read(
        GraphErrors.error(
            405, "Request_BadRequest", "The requested method is not allowed on this resource."),
        action,
        null);
  }
}
