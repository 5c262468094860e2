package io.cordon.graphsim.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One user's live state; guarded by the Directory's lock. */
public class SimUser {
  public String id;
  public String userPrincipalName;
  public String displayName;
  public String mail;
  public String userType;
  public boolean accountEnabled;
  public boolean onPremisesSyncEnabled;
  public boolean mailboxEnabled;
  public String department;
  public String jobTitle;
  public Instant createdDateTime;
  public Instant lastPasswordChangeDateTime;
  public Instant signInSessionsValidFromDateTime;
  public String riskState;
  public String riskLevel;
  public Instant riskLastUpdatedDateTime;
  public final List<Instant> passwordChanges = new ArrayList<>();
  public final List<Instant> sessionRevocations = new ArrayList<>();
  public final List<Instant> accountEnabledChanges = new ArrayList<>();
  public final List<AuthMethod> authenticationMethods = new ArrayList<>();
  public final List<ObjectNode> messageRules = new ArrayList<>();

  public boolean guest() {
    return "Guest".equalsIgnoreCase(userType);
  }

  /** A registered authentication method; {@code type} like phoneAuthenticationMethod. */
  public record AuthMethod(String id, String type, ObjectNode properties) {}
}
