package io.cordon.graphsim.model;

import java.util.List;

/**
 * A group; {@code memberIds} are user and group object ids (groups nest). {@code
 * isAssignableToRole}: a role-assignable group, through which members hold directory roles.
 */
public record SimGroup(
    String id,
    String displayName,
    String description,
    List<String> memberIds,
    boolean isAssignableToRole) {
  public SimGroup(String id, String displayName, String description, List<String> memberIds) {
    this(id, displayName, description, memberIds, false);
  }
}
