package io.cordon.graphsim.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.graphsim.model.SeedFile;
import io.cordon.graphsim.service.Directory;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantGeneratorTest {
  @Test
  void theDemoTenantIsTheSameEveryTime() {
    assertThat(TenantGenerator.demo("t")).isEqualTo(TenantGenerator.demo("t"));
  }

  @Test
  void theDemoTenantHasEveryKindOfUser() {
    SeedFile demo = TenantGenerator.demo("t");
    assertThat(demo.users()).hasSize(400);
    long guests = demo.users().stream().filter(u -> "Guest".equals(u.userType())).count();
    long synced =
        demo.users().stream().filter(u -> Boolean.TRUE.equals(u.onPremisesSyncEnabled())).count();
    long forwarding =
        demo.users().stream()
            .filter(u -> u.messageRules() != null)
            .filter(
                u ->
                    u.messageRules().stream()
                        .anyMatch(
                            r ->
                                r.path("actions").has("forwardTo")
                                    || r.path("actions").has("redirectTo")))
            .count();
    assertThat(guests).isBetween(25L, 35L);
    assertThat(synced).isBetween(80L, 100L);
    assertThat(forwarding).isGreaterThan(20);
    assertThat(demo.oauth2PermissionGrants()).hasSizeGreaterThan(40);
    assertThat(demo.directoryRoles().stream().mapToInt(r -> r.members().size()).sum()).isEqualTo(8);
    assertThat(demo.users())
        .allMatch(u -> u.userPrincipalName().endsWith("@" + TenantGenerator.DEMO_DOMAIN));
  }

  @Test
  void groupsNestAndRolesResolve() {
    Directory directory =
        new Directory(TenantGenerator.demo("t"), "t", TenantGenerator.DEMO_DOMAIN);
    String psrMember = TenantGenerator.userId(TenantGenerator.DEMO_DOMAIN, 0);
    assertThat(directory.transitiveGroupsOf(psrMember))
        .extracting(g -> g.displayName())
        .contains(TenantGenerator.PSR, TenantGenerator.DIRECTORATE);
    assertThat(directory.directGroupsOf(psrMember))
        .extracting(g -> g.displayName())
        .doesNotContain(TenantGenerator.DIRECTORATE);
    String admin = TenantGenerator.userId(TenantGenerator.DEMO_DOMAIN, 3);
    assertThat(directory.rolesOf(admin))
        .extracting(r -> r.displayName)
        .containsExactly("Global Administrator");
  }

  @Test
  void largeSyntheticTenantsHaveUniqueNames() {
    SeedFile large = TenantGenerator.generate(10_000, 7L, "bench.example", "t", false);
    Set<String> upns = new HashSet<>();
    large.users().forEach(u -> upns.add(u.userPrincipalName()));
    assertThat(upns).hasSize(10_000);
    assertThat(large.groups()).hasSizeGreaterThan(100);
    Directory directory = new Directory(large, "t", "bench.example");
    assertThat(directory.userCount()).isEqualTo(10_000);
  }
}
