package io.cordon.graphsim.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cordon.graphsim.model.SeedFile;
import io.cordon.graphsim.service.Directory;
import org.junit.jupiter.api.Test;

/** The documented seed format (README), in YAML: members by UPN, nested groups by name. */
class SeedFormatTest {
  private static final String SEED =
      """
      tenant: {id: 11111111-2222-3333-4444-555555555555, domain: small.example}
      users:
        - {id: aaaaaaaa-0000-0000-0000-000000000001, userPrincipalName: ann@small.example}
        - userPrincipalName: bob@small.example
          onPremisesSyncEnabled: true
          riskState: atRisk
          riskLevel: high
          authenticationMethods:
            - {id: m1, type: phoneAuthenticationMethod, properties: {phoneNumber: "+81 90 0000 0000"}}
          messageRules:
            - {displayName: fwd, actions: {forwardTo: [{emailAddress: {address: x@evil.example}}]}}
      groups:
        - {displayName: Inner, members: [bob@small.example]}
        - {displayName: Outer, members: [Inner]}
      directoryRoles:
        - {displayName: Global Administrator, roleTemplateId: 62e90394-69f5-4237-9190-012177145e10, members: [ann@small.example]}
      oauth2PermissionGrants:
        - {clientId: c1, principalId: bob@small.example, resourceId: r1, scope: Mail.Read}
      """;

  @Test
  void yamlSeedsBuildTheDirectory() throws Exception {
    SeedFile seed = new ObjectMapper(new YAMLFactory()).readValue(SEED, SeedFile.class);
    Directory directory = new Directory(seed, "default", "default.example");
    assertThat(directory.tenantId).isEqualTo("11111111-2222-3333-4444-555555555555");
    var bob = directory.user("BOB@small.example");
    assertThat(bob.onPremisesSyncEnabled).isTrue();
    assertThat(bob.riskState).isEqualTo("atRisk");
    assertThat(bob.authenticationMethods).hasSize(1);
    assertThat(bob.messageRules.get(0).has("id")).isTrue();
    assertThat(directory.transitiveGroupsOf(bob.id))
        .extracting(g -> g.displayName())
        .containsExactly("Inner", "Outer");
    assertThat(directory.grantsOf(bob.id)).hasSize(1);
    assertThat(directory.rolesOf("aaaaaaaa-0000-0000-0000-000000000001")).hasSize(1);
  }
}
