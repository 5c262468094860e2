package io.cordon.graphsim.service;

import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.Outcome;
import io.cordon.graphsim.model.SimGroup;
import io.cordon.graphsim.model.SimUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * {@code DELETE /groups/{id}/members/{memberId}/$ref} ("Remove member", v1.0): 204; 404 when the
 * group does not exist or the object is no direct member. Removing a member from a role-assignable
 * group also needs RoleManagement.ReadWrite.Directory (403 without it), as Graph documents.
 */
@ApplicationScoped
public class GroupOperations {
  static final String ACTION = "removeGroupMember";

  @Inject TenantState state;

  public Outcome handle(GraphRequest request, String[] s, Set<String> roles) {
    if (s.length != 5 || !s[2].equals("members") || !s[4].equals("$ref")) {
      return Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), ACTION, null);
    }
    if (!request.method().equals("DELETE")) {
      return Outcome.read(
          GraphErrors.error(
              405, "Request_BadRequest", "The requested method is not allowed on this resource."),
          ACTION,
          null);
    }
    return state.apply(
        d -> {
          SimGroup group = d.group(s[1]);
          SimUser user = d.user(s[3]);
          String memberId = user != null ? user.id : s[3].toLowerCase();
          if (group == null) {
            return Outcome.write(GraphErrors.notFound(s[1]), ACTION, List.of(memberId));
          }
          if (group.isAssignableToRole()
              && roles != null
              && !roles.contains("RoleManagement.ReadWrite.Directory")) {
            return Outcome.write(GraphErrors.forbidden(), ACTION, List.of(memberId));
          }
          if (!d.removeGroupMember(group.id(), memberId)) {
            return Outcome.write(GraphErrors.notFound(s[3]), ACTION, List.of(memberId));
          }
          return Outcome.write(GraphResponse.of(204, null), ACTION, List.of(memberId));
        });
  }
}
