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
import java.util.Locale;
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

  /**
   * Every admin, 20 guests, 50 synced users, members up to 200; never the asteroid team. Each line
   * also tells when the attacker was first seen and its indicators.
   */
  static String incidentCsv() {
    StringBuilder csv = new StringBuilder("account,first_seen,indicator\n");
    List<String> accounts = incidentAccounts();
    for (int row = 0; row < accounts.size(); row++) {
      csv.append(accounts.get(row))
          .append(',')
          .append(firstSeen(row))
          .append(',')
          .append(quoted(String.join("|", indicators(row))))
          .append('\n');
    }
    return csv.toString();
  }

  /** The incident's accounts in file order: UPNs, every tenth an object id. */
  static List<String> incidentAccounts() {
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
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < TenantGenerator.ASTEROID_FROM && accounts.size() < SIZE; i++) {
      Kind kind = TenantGenerator.kindOf(i);
      if (taken.getOrDefault(kind, 0) >= wanted.get(kind)) {
        continue;
      }
      taken.merge(kind, 1, Integer::sum);
      SeedFile.UserSeed user = demo.users().get(i);
      // every tenth line names the account by object id, the rest by UPN
      accounts.add(accounts.size() % 10 == 9 ? user.id() : user.userPrincipalName());
    }
    return accounts;
  }

  // what the responder knows of each account's compromise: sign-ins from the attacker's addresses
  // (documentation ranges, RFC 5737 / RFC 3849), the user agent it used and the phishing domain
  // that took the password (reserved example domains)
  private static final List<String> USER_AGENTS =
      List.of(
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/131.0.0.0 Safari/537.36",
          "python-requests/2.32.3",
          "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
          "axios/1.7.7");
  private static final List<String> PHISHING_DOMAINS =
      List.of(
          "jaxa-sso-login.example.net",
          "m365-session-verify.example.org",
          "secure-mail-jaxa.example.com",
          "onedrive-shared-docs.example.net");

  static String firstSeen(int row) {
    return String.format(
        Locale.ROOT, "2026-11-%02dT%02d:%02d:00Z", 20 + row % 8, 6 + row % 12, (row * 7) % 60);
  }

  static List<String> indicators(int row) {
    List<String> indicators = new ArrayList<>();
    indicators.add("203.0.113." + (1 + (row * 37) % 254));
    if (row % 3 == 0) {
      indicators.add("198.51.100." + (1 + (row * 11) % 254));
    }
    if (row % 7 == 0) {
      indicators.add("2001:db8:4f::" + Integer.toHexString(0x100 + row));
    }
    indicators.add(USER_AGENTS.get(row % USER_AGENTS.size()));
    indicators.add(PHISHING_DOMAINS.get((row / 5) % PHISHING_DOMAINS.size()));
    return indicators;
  }

  // RFC 4180: a cell holding a comma or a quote is quoted, its quotes doubled
  private static String quoted(String cell) {
    return cell.contains(",") || cell.contains("\"")
        ? "\"" + cell.replace("\"", "\"\"") + "\""
        : cell;
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
    incidentAccounts()
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
