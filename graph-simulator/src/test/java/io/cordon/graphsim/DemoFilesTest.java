package io.cordon.graphsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cordon.graphsim.model.SeedFile;
import io.cordon.graphsim.seed.TenantGenerator;
import io.cordon.graphsim.seed.TenantGenerator.Kind;
import io.cordon.graphsim.service.Directory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo incident and partners under deploy/local/demo match the demo tenant. Regenerate the
 * incident with {@code -Dwrite-demo-files=true} after changing the generator (partners.json is
 * written only when missing: the system tests extend it).
 */
class DemoFilesTest {
  static final Path DEMO = Path.of("..", "deploy", "local", "demo");
  static final int ADMINS = 8;
  static final int GUESTS = 20;
  static final int SYNCED = 50;
  static final int SIZE = 200;

  /** Every admin, 20 guests, 50 synced users, members up to 200; never the asteroid team. */
  static String incidentCsv() {
    SeedFile demo = TenantGenerator.demo("demo");
    Map<Kind, Integer> wanted =
        Map.of(
            Kind.ADMIN,
            ADMINS,
            Kind.GUEST,
            GUESTS,
            Kind.SYNCED,
            SYNCED,
            Kind.MEMBER,
            SIZE - ADMINS - GUESTS - SYNCED);
    Map<Kind, Integer> taken = new LinkedHashMap<>();
    StringBuilder csv = new StringBuilder("account\n");
    int rows = 0;
    for (int i = 0; i < TenantGenerator.ASTEROID_FROM && rows < SIZE; i++) {
      Kind kind = TenantGenerator.kindOf(i);
      if (taken.getOrDefault(kind, 0) >= wanted.get(kind)) {
        continue;
      }
      taken.merge(kind, 1, Integer::sum);
      SeedFile.UserSeed user = demo.users().get(i);
      // every tenth line names the account by object id, the rest by UPN
      csv.append(rows % 10 == 9 ? user.id() : user.userPrincipalName()).append('\n');
      rows++;
    }
    return csv.toString();
  }

  static String partnersJson() throws Exception {
    List<Map<String, Object>> partners = new ArrayList<>();
    partners.add(
        partner(
            "Lunar Mobility Partner",
            "soc@lunar-mobility.example",
            List.of(group(TenantGenerator.CLM)),
            List.of("automotive"),
            "summary",
            "amber"));
    partners.add(
        partner(
            "Defence Liaison Office",
            "cert@defence-liaison.example",
            List.of(group(TenantGenerator.SATOPS)),
            List.of(),
            "summary",
            "amber+strict"));
    partners.add(
        partner(
            "International Space Agency Partner",
            "security@space-partner.example",
            List.of(group(TenantGenerator.PSR), group(TenantGenerator.LVO)),
            List.of(),
            "accounts",
            "amber"));
    partners.add(
        partner(
            "Asteroid Survey Consortium",
            "soc@asteroid-consortium.example",
            List.of(group(TenantGenerator.ASTEROID)),
            List.of(),
            "summary",
            "green"));
    return new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(partners)
        + "\n";
  }

  /** A group scope as notification-service takes it: the id, matched; the name, shown. */
  private static Map<String, Object> group(String displayName) {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("id", TenantGenerator.groupId(displayName));
    group.put("displayName", displayName);
    return group;
  }

  private static Map<String, Object> partner(
      String name,
      String contact,
      List<Map<String, Object>> groups,
      List<String> tags,
      String disclosure,
      String tlp) {
    Map<String, Object> partner = new LinkedHashMap<>();
    partner.put("name", name);
    partner.put("contacts", List.of(contact));
    Map<String, Object> scopes = new LinkedHashMap<>();
    scopes.put("groups", groups);
    scopes.put("domains", List.of());
    scopes.put("tags", tags);
    partner.put("scopes", scopes);
    partner.put("disclosure", disclosure);
    partner.put("tlp", tlp);
    return partner;
  }

  @Test
  void demoFilesMatchTheDemoTenant() throws Exception {
    Path csv = DEMO.resolve("incident-200.csv");
    Path partners = DEMO.resolve("partners.json");
    if (Boolean.getBoolean("write-demo-files")) {
      Files.createDirectories(DEMO);
      Files.writeString(csv, incidentCsv(), StandardCharsets.UTF_8);
      if (!Files.exists(partners)) {
        Files.writeString(partners, partnersJson(), StandardCharsets.UTF_8);
      }
    }
    assertThat(Files.readString(csv)).isEqualTo(incidentCsv());
    assertThat(incidentCsv().lines().count()).isEqualTo(SIZE + 1);
  }

  /**
   * partners.json is shared with the system tests (which add fields): every group scope must name a
   * demo group by its id (notification-service matches ids only) under the group's own name, and a
   * partner is met exactly when an incident account is in one of its groups.
   */
  @Test
  void partnersScopeDemoGroupsAndOneMeetsNoIncidentAccount() throws Exception {
    Directory directory =
        new Directory(TenantGenerator.demo("demo"), "demo", TenantGenerator.DEMO_DOMAIN);
    java.util.Set<String> incidentGroups = new java.util.HashSet<>();
    incidentCsv()
        .lines()
        .skip(1)
        .forEach(
            account ->
                directory
                    .transitiveGroupsOf(directory.user(account).id)
                    .forEach(g -> incidentGroups.add(g.id())));
    Map<String, String> demoGroups = new java.util.HashMap<>();
    directory.groups().forEach(g -> demoGroups.put(g.id(), g.displayName()));
    JsonNode partners = new ObjectMapper().readTree(DEMO.resolve("partners.json").toFile());
    int met = 0;
    int unmet = 0;
    for (JsonNode partner : partners) {
      boolean meets = false;
      for (JsonNode group : partner.path("scopes").path("groups")) {
        String id = group.path("id").asText();
        assertThat(demoGroups)
            .as(partner.path("name").asText())
            .containsEntry(id, group.path("displayName").asText());
        meets |= incidentGroups.contains(id);
      }
      if (partner.has("expectedNotice")) {
        assertThat(partner.path("expectedNotice").asBoolean())
            .as(partner.path("name").asText())
            .isEqualTo(meets);
      }
      if (meets) {
        met++;
      } else {
        unmet++;
      }
    }
    assertThat(met).isEqualTo(3);
    assertThat(unmet).isEqualTo(1);
  }
}
