package io.cordon.graphsim.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.graphsim.model.GraphRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Microsoft's identity cost table, as the simulator applies it. */
class RequestCostsTest {
  private static int cost(String method, String path, Map<String, String> query) {
    return RequestCosts.resourceUnits(new GraphRequest(method, path, query, Map.of(), null, false));
  }

  @Test
  void listedCollectionsCostTwoOthersOne() {
    assertThat(cost("GET", "users", Map.of())).isEqualTo(2);
    assertThat(cost("GET", "users/u1/memberOf", Map.of())).isEqualTo(2);
    assertThat(cost("GET", "users/u1/transitiveMemberOf", Map.of())).isEqualTo(2);
    assertThat(cost("GET", "users/u1/oauth2PermissionGrants", Map.of())).isEqualTo(2);
    assertThat(cost("GET", "users/u1", Map.of())).isEqualTo(1);
    assertThat(cost("POST", "users/u1/revokeSignInSessions", Map.of())).isEqualTo(1);
    assertThat(cost("DELETE", "oauth2PermissionGrants/g1", Map.of())).isEqualTo(1);
  }

  @Test
  void queryOptionsAdjustButNeverBelowOne() {
    assertThat(cost("GET", "users/u1/transitiveMemberOf", Map.of("$select", "id", "$top", "999")))
        .isEqualTo(1);
    assertThat(cost("GET", "users", Map.of("$select", "id", "$top", "5"))).isEqualTo(1);
    assertThat(cost("GET", "users", Map.of("$expand", "manager"))).isEqualTo(3);
    assertThat(cost("GET", "users/u1", Map.of("$select", "id"))).isEqualTo(1);
  }

  @Test
  void inboxRulesBelongToTheMailbox() {
    assertThat(RequestCosts.mailbox("users/U1/mailFolders/inbox/messageRules")).isEqualTo("u1");
    assertThat(RequestCosts.mailbox("users/u1/memberOf")).isNull();
  }
}
