package io.cordon.account.client;

import static io.cordon.account.client.CleanupTargets.next;
import static io.cordon.account.client.CleanupTargets.valuesOf;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.UnifiedRoleAssignmentSchedule;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleEligibilitySchedule;
import com.microsoft.graph.models.UnifiedRoleEligibilityScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleScheduleRequestActions;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.cordon.account.client.CleanupTargets.Removal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * REMOVE_PRIVILEGED_ROLES: every way the user holds a directory role (docs/playbooks.md "Privileged
 * roles"): PIM eligibilities and active (assigned or activated) PIM assignments, removed by {@code
 * adminRemove} schedule requests; direct role assignments; legacy directory role memberships; and
 * memberships of role-assignable groups, through which roles are inherited. The compromise window
 * does not narrow it: a privileged role held by a compromised account is a risk whatever its age,
 * and Graph gives direct assignments and group memberships no creation time.
 */
final class PrivilegedRoleTargets {
  static final String JUSTIFICATION =
      "Cordon containment: the account is reported compromised; its privileged roles are removed";

  private PrivilegedRoleTargets() {}

  static List<Removal> list(GraphServiceClient graph, String userId) {
    List<Removal> removals = new ArrayList<>();
    String principal = "principalId eq '" + userId + "'";
    var directory = graph.roleManagement().directory();
    try {
      var eligible = directory.roleEligibilitySchedules();
      for (var page = eligible.get(c -> c.queryParameters.filter = principal);
          page != null;
          page = next(page.getOdataNextLink(), url -> eligible.withUrl(url).get())) {
        for (UnifiedRoleEligibilitySchedule schedule : valuesOf(page.getValue())) {
          if (direct(schedule.getMemberType())) {
            removals.add(
                new Removal(
                    "eligible:" + schedule.getRoleDefinitionId() + "@" + scope(schedule),
                    "eligible role " + schedule.getRoleDefinitionId(),
                    directory
                        .roleEligibilityScheduleRequests()
                        .toPostRequestInformation(removeEligibility(userId, schedule))));
          }
        }
      }
      var active = directory.roleAssignmentSchedules();
      for (var page = active.get(c -> c.queryParameters.filter = principal);
          page != null;
          page = next(page.getOdataNextLink(), url -> active.withUrl(url).get())) {
        for (UnifiedRoleAssignmentSchedule schedule : valuesOf(page.getValue())) {
          if (direct(schedule.getMemberType())) {
            removals.add(
                new Removal(
                    "active:" + schedule.getRoleDefinitionId() + "@" + scope(schedule),
                    "active role " + schedule.getRoleDefinitionId(),
                    directory
                        .roleAssignmentScheduleRequests()
                        .toPostRequestInformation(removeAssignment(userId, schedule))));
          }
        }
      }
    } catch (ODataError e) {
      // a tenant without Entra ID P2 has no PIM: Graph refuses the schedules with a licence error,
      // and no role can be eligible there
      String code = e.getError() == null ? null : e.getError().getCode();
      if (code == null || !code.toLowerCase(Locale.ROOT).contains("license")) {
        throw e;
      }
    }
    var assignments = directory.roleAssignments();
    for (var page = assignments.get(c -> c.queryParameters.filter = principal);
        page != null;
        page = next(page.getOdataNextLink(), url -> assignments.withUrl(url).get())) {
      for (UnifiedRoleAssignment assignment : valuesOf(page.getValue())) {
        removals.add(
            new Removal(
                "assignment:" + assignment.getId(),
                "role assignment " + assignment.getRoleDefinitionId(),
                directory
                    .roleAssignments()
                    .byUnifiedRoleAssignmentId(assignment.getId())
                    .toDeleteRequestInformation()));
      }
    }
    var memberOf = graph.users().byUserId(userId).memberOf();
    for (var page = memberOf.get();
        page != null;
        page = next(page.getOdataNextLink(), url -> memberOf.withUrl(url).get())) {
      for (DirectoryObject member : valuesOf(page.getValue())) {
        if (member instanceof DirectoryRole role) {
          removals.add(
              new Removal(
                  "directoryRole:" + role.getId(),
                  "directory role " + role.getDisplayName(),
                  graph
                      .directoryRoles()
                      .byDirectoryRoleId(role.getId())
                      .members()
                      .byDirectoryObjectId(userId)
                      .ref()
                      .toDeleteRequestInformation()));
        } else if (member instanceof Group group
            && Boolean.TRUE.equals(group.getIsAssignableToRole())) {
          removals.add(
              new Removal(
                  "group:" + group.getId(),
                  "role-assignable group " + group.getDisplayName(),
                  graph
                      .groups()
                      .byGroupId(group.getId())
                      .members()
                      .byDirectoryObjectId(userId)
                      .ref()
                      .toDeleteRequestInformation()));
        }
      }
    }
    return removals;
  }

  /** Held by the user itself; "Group" (inherited) ones go with the group membership. */
  private static boolean direct(String memberType) {
    return memberType == null || memberType.equalsIgnoreCase("Direct");
  }

  private static String scope(com.microsoft.graph.models.UnifiedRoleScheduleBase schedule) {
    return schedule.getDirectoryScopeId() == null ? "/" : schedule.getDirectoryScopeId();
  }

  private static UnifiedRoleEligibilityScheduleRequest removeEligibility(
      String userId, UnifiedRoleEligibilitySchedule schedule) {
    UnifiedRoleEligibilityScheduleRequest request = new UnifiedRoleEligibilityScheduleRequest();
    request.setAction(UnifiedRoleScheduleRequestActions.AdminRemove);
    request.setPrincipalId(userId);
    request.setRoleDefinitionId(schedule.getRoleDefinitionId());
    request.setDirectoryScopeId(scope(schedule));
    request.setJustification(JUSTIFICATION);
    return request;
  }

  private static UnifiedRoleAssignmentScheduleRequest removeAssignment(
      String userId, UnifiedRoleAssignmentSchedule schedule) {
    UnifiedRoleAssignmentScheduleRequest request = new UnifiedRoleAssignmentScheduleRequest();
    request.setAction(UnifiedRoleScheduleRequestActions.AdminRemove);
    request.setPrincipalId(userId);
    request.setRoleDefinitionId(schedule.getRoleDefinitionId());
    request.setDirectoryScopeId(scope(schedule));
    request.setJustification(JUSTIFICATION);
    return request;
  }
}
