package io.cordon.graphsim.model;

import java.util.LinkedHashSet;
import java.util.Set;

/** An activated directory role; members change when role memberships are removed. */
public class SimRole {
  public final String id;
  public final String displayName;
  public final String roleTemplateId;
  public final Set<String> memberIds = new LinkedHashSet<>();

  public SimRole(String id, String displayName, String roleTemplateId) {
    this.id = id;
    this.displayName = displayName;
    this.roleTemplateId = roleTemplateId;
  }
}
