package io.cordon.playbook.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cordon.contracts.UserType;
import io.cordon.contracts.events.GroupRef;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.repository.RunAccountEntity;
import java.util.List;

/** Between account facts and their stored row (roles and groups as JSON). */
public final class AccountRows {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<String>> ROLES = new TypeReference<>() {};
  private static final TypeReference<List<GroupRef>> GROUPS = new TypeReference<>() {};

  private AccountRows() {}

  public static RunAccountEntity newRow(String runId, int position, AccountFacts facts) {
    RunAccountEntity row = new RunAccountEntity();
    row.key = new RunAccountEntity.Key(runId, facts.objectId());
    row.position = position;
    row.userPrincipalName = facts.userPrincipalName();
    row.tenantId = facts.tenantId();
    row.tenantName = facts.tenantName();
    row.userType = facts.userType().name();
    row.onPremisesSynced = facts.onPremisesSynced();
    row.privilegedRoles = write(facts.privilegedRoles());
    row.groups = write(facts.groups());
    return row;
  }

  public static AccountFacts facts(RunAccountEntity row) {
    return new AccountFacts(
        row.key.objectId,
        row.userPrincipalName,
        row.tenantId,
        UserType.valueOf(row.userType),
        row.onPremisesSynced,
        read(row.privilegedRoles, ROLES),
        read(row.groups, GROUPS),
        row.tenantName);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Account facts did not serialise", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored account facts are unreadable", e);
    }
  }
}
