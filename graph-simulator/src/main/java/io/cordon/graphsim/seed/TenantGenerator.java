package io.cordon.graphsim.seed;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.SeedFile;
import io.cordon.graphsim.model.SeedFile.GrantSeed;
import io.cordon.graphsim.model.SeedFile.GroupSeed;
import io.cordon.graphsim.model.SeedFile.MethodSeed;
import io.cordon.graphsim.model.SeedFile.RoleScheduleSeed;
import io.cordon.graphsim.model.SeedFile.RoleSeed;
import io.cordon.graphsim.model.SeedFile.UserSeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Deterministic tenants: the demo space agency (400 users) and synthetic ones of any size. A user's
 * kind follows from its index (see {@link #kindOf}), so the demo files can name users by kind;
 * methods, rules, grants and dates come from a seeded Random.
 */
public final class TenantGenerator {
  public static final int DEMO_USERS = 400;
  public static final long DEMO_RANDOM_SEED = 20240601L;
  public static final String DEMO_DOMAIN = "jaxa-demo.example";
  public static final String PARTNER_DOMAIN = "partner-lab.example";
  public static final String EXFIL_ADDRESS = "collector@exfil-drop.example";
  public static final String SUSPICIOUS_APP_ID = "a5e2c1f0-3b7d-4c9e-8f61-2d4b6a8c0e13";
  public static final String BENIGN_APP_ID = "7c0d9e8f-1a2b-4c3d-9e5f-6a7b8c9d0e1f";
  public static final String GRAPH_RESOURCE_ID = "3b1e5d7a-9c2f-4e6b-8a0d-1f3e5c7a9b2d";

  public static final String PSR = "PSR - Phobos Sample Return";
  public static final String CLM = "CLM - Crewed Lunar Mobility";
  public static final String LVO = "LVO - Launch Vehicle Operations";
  public static final String SATOPS = "SATOPS - Satellite Operations (shared with partners)";
  public static final String DIRECTORATE = "Space Exploration Directorate";
  public static final String OPERATIONS = "Launch and Satellite Operations";
  public static final String ASTEROID = "ASD - Asteroid Survey Study";

  /** Users from this index on are the asteroid study team, kept out of the demo incident. */
  public static final int ASTEROID_FROM = DEMO_USERS - 8;

  /** Role display name and its (public, well-known) role template id. */
  static final String[][] ROLES = {
    {"Global Administrator", "62e90394-69f5-4237-9190-012177145e10"},
    {"Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814"},
    {"User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1"},
    {"Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de"},
    {"Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d"}
  };

  private static final String[] GIVEN = {
    "haruto", "yuto", "sota", "yuki", "hayato", "haruki", "ryusei", "koki", "sora", "sosuke",
    "riku", "kaito", "yui", "hina", "aoi", "sakura", "rin", "mio", "yuna", "mei", "akari", "kokona",
    "himari", "ema", "takeshi", "naoko", "kenji", "emi", "daichi", "ayaka", "shota", "misaki",
    "taro", "hanako", "jiro", "keiko", "makoto", "noriko", "satoshi", "tomoko"
  };
  private static final String[] FAMILY = {
    "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi",
    "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi",
    "shimizu", "yamazaki", "mori", "abe", "ikeda", "hashimoto", "yamashita", "ishikawa", "nakajima",
    "maeda", "fujita", "ogawa", "goto", "okada", "hasegawa", "murakami", "kondo", "ishii"
  };
  private static final String[] PROJECTS = {PSR, CLM, LVO, SATOPS, null};

  /** What a user is, by index. */
  public enum Kind {
    ADMIN,
    GUEST,
    SYNCED,
    MEMBER
  }

  private TenantGenerator() {}

  public static Kind kindOf(int index) {
    if (index % 50 == 3) {
      return Kind.ADMIN;
    }
    if (index % 13 == 6) {
      return Kind.GUEST;
    }
    if (index % 4 == 1) {
      return Kind.SYNCED;
    }
    return Kind.MEMBER;
  }

  public static SeedFile demo(String tenantId) {
    return generate(DEMO_USERS, DEMO_RANDOM_SEED, DEMO_DOMAIN, tenantId, true);
  }

  public static String userId(String domain, int index) {
    return uuid("user:" + domain + ":" + index);
  }

  public static String groupId(String name) {
    return uuid("group:" + name);
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  public static SeedFile generate(
      int count, long randomSeed, String domain, String tenantId, boolean demo) {
    Random random = new Random(randomSeed);
    List<UserSeed> users = new ArrayList<>();
    List<GrantSeed> grants = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    List<List<String>> projectMembers =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<String> admins = new ArrayList<>();
    List<String> asteroid = new ArrayList<>();
    Instant epoch = Instant.parse("2024-06-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      Kind kind = kindOf(i);
      String given = GIVEN[(i * 7 + i / GIVEN.length) % GIVEN.length];
      String family = FAMILY[(i * 11 + i / FAMILY.length) % FAMILY.length];
      String alias = given + "." + family;
      if (!taken.add(alias)) {
        alias = alias + (i + 1);
        taken.add(alias);
      }
      String id = userId(domain, i);
      boolean guest = kind == Kind.GUEST;
      String upn = guest ? alias + "_" + PARTNER_DOMAIN + "#EXT#@" + domain : alias + "@" + domain;
      String project = guest ? SATOPS : PROJECTS[i % PROJECTS.length];
      if (project != null) {
        projectMembers.get(java.util.Arrays.asList(PROJECTS).indexOf(project)).add(id);
      }
      if (kind == Kind.ADMIN) {
        admins.add(id);
      }
      if (demo && i >= ASTEROID_FROM) {
        asteroid.add(id);
      }
      Instant passwordChanged = epoch.minus(Duration.ofDays(30 + random.nextInt(400)));
      Instant sessionsFrom = passwordChanged.plus(Duration.ofDays(random.nextInt(20)));
      String riskLevel = i % 17 == 2 ? (random.nextBoolean() ? "high" : "medium") : null;
      users.add(
          new UserSeed(
              id,
              upn,
              capitalise(given) + " " + capitalise(family) + (guest ? " (Partner Lab)" : ""),
              guest ? alias + "@" + PARTNER_DOMAIN : upn,
              guest ? "Guest" : "Member",
              i % 97 == 40 ? Boolean.FALSE : Boolean.TRUE,
              kind == Kind.SYNCED ? Boolean.TRUE : null,
              passwordChanged.toString(),
              sessionsFrom.toString(),
              !guest,
              project == null ? "Administration" : project.substring(0, project.indexOf(' ')),
              kind == Kind.ADMIN ? "IT Administrator" : guest ? "Partner Engineer" : "Engineer",
              riskLevel == null ? null : "atRisk",
              riskLevel,
              guest ? List.of() : methods(random, i),
              guest ? List.of() : rules(i)));
      if (i % 9 == 2) {
        grants.add(
            grant(
                domain,
                i,
                0,
                SUSPICIOUS_APP_ID,
                id,
                "Mail.Read Mail.Send Files.Read.All offline_access"));
      }
      if (i % 31 == 0) {
        grants.add(grant(domain, i, 1, BENIGN_APP_ID, id, "User.Read Calendars.Read"));
      }
    }
    List<GroupSeed> groups = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      groups.add(
          new GroupSeed(
              groupId(PROJECTS[p]), PROJECTS[p], description(PROJECTS[p]), projectMembers.get(p)));
    }
    groups.add(
        new GroupSeed(
            groupId(DIRECTORATE),
            DIRECTORATE,
            "Nested: the exploration projects",
            List.of(groupId(PSR), groupId(CLM))));
    groups.add(
        new GroupSeed(
            groupId(OPERATIONS),
            OPERATIONS,
            "Nested: launch and satellite operations",
            List.of(groupId(LVO), groupId(SATOPS))));
    if (demo) {
      groups.add(
          new GroupSeed(
              groupId(ASTEROID), ASTEROID, "A study team no demo incident touches", asteroid));
    } else {
      for (int team = 0; team * 100 < count; team++) {
        List<String> members = new ArrayList<>();
        for (int i = team * 100; i < Math.min(count, team * 100 + 100); i++) {
          members.add(userId(domain, i));
        }
        String name = String.format("Team %03d", team);
        groups.add(new GroupSeed(groupId(domain + name), name, "Synthetic team", members));
      }
    }
    List<RoleScheduleSeed> schedules = new ArrayList<>();
    if (!admins.isEmpty()) {
      String admin = admins.get(0);
      users.stream()
          .filter(u -> u.id().equals(admin))
          .findFirst()
          .ifPresent(u -> attackerPersistence(u, users));
      groups.add(
          new GroupSeed(
              groupId(domain + TIER0_GROUP),
              TIER0_GROUP,
              "Role-assignable group of the tier 0 administrators",
              List.of(admin),
              true));
      schedules.add(
          new RoleScheduleSeed(
              uuid("eligible:" + admin), "eligible", admin, ROLES[1][1], "/", "now-P2D"));
      schedules.add(
          new RoleScheduleSeed(
              uuid("active:" + admin), "active", admin, ROLES[4][1], "/", "2024-02-01T00:00:00Z"));
    }
    List<RoleSeed> roles = new ArrayList<>();
    for (int r = 0; r < ROLES.length; r++) {
      List<String> members = new ArrayList<>();
      for (int a = 0; a < admins.size(); a++) {
        if (roleOfAdmin(a) == r) {
          members.add(admins.get(a));
        }
      }
      roles.add(
          new RoleSeed(
              uuid("role:" + domain + ":" + ROLES[r][1]), ROLES[r][0], ROLES[r][1], members));
    }
    return new SeedFile(
        new SeedFile.TenantSeed(
            tenantId, domain, demo ? "Space agency demo tenant" : "Synthetic tenant"),
        users,
        groups,
        roles,
        grants,
        schedules,
        demo ? persistence(domain, Instant.now()) : null);
  }

  /** The demo user who left a way back in: see {@link #persistence}. */
  public static final int PERSISTENT_USER = 2;

  public static final String PERSISTENT_APP_ID = "6e1c2f4a-8b3d-4e5f-9a7b-0c1d2e3f4a5b";

  /**
   * What the demo's user {@link #PERSISTENT_USER} left behind: an app it owns with a secret from
   * last year and one from yesterday, the suspicious app's service principal (whose delegated
   * grants the generator already gives the user) with an app role assignment from yesterday, and a
   * device registered last year and one yesterday. "Yesterday" is a day before the simulator
   * starts, so it is inside any compromise window of days.
   */
  static SeedFile.PersistenceSeed persistence(String domain, Instant now) {
    String user = userId(domain, PERSISTENT_USER);
    String yesterday = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    String lastYear = "2025-03-01T09:00:00Z";
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<ObjectNode> secrets =
        List.of(
            secret(f, uuid("secret:old"), "deploy key", lastYear),
            secret(f, uuid("secret:new"), "sync", yesterday));
    return new SeedFile.PersistenceSeed(
        List.of(
            new SeedFile.AppSeed(
                uuid("application:mission-sync"),
                PERSISTENT_APP_ID,
                "Mission data sync",
                List.of(user),
                secrets,
                List.of())),
        List.of(
            new SeedFile.AppSeed(
                SUSPICIOUS_APP_ID,
                uuid("appId:" + SUSPICIOUS_APP_ID),
                "Mail Helper Pro",
                List.of(),
                List.of(),
                List.of())),
        List.of(
            new SeedFile.AssignmentSeed(
                uuid("assignment:mail-helper"),
                user,
                SUSPICIOUS_APP_ID,
                "Mail Helper Pro",
                yesterday)),
        List.of(
            new SeedFile.DeviceSeed(
                uuid("device:laptop"),
                uuid("deviceId:laptop"),
                "JAXA-LT-0042",
                "Windows",
                true,
                lastYear,
                List.of(user),
                List.of(user)),
            new SeedFile.DeviceSeed(
                uuid("device:new"),
                uuid("deviceId:new"),
                "DESKTOP-7QX1K2M",
                "Windows",
                true,
                yesterday,
                List.of(user),
                List.of())));
  }

  private static ObjectNode secret(JsonNodeFactory f, String keyId, String name, String start) {
    ObjectNode secret = f.objectNode();
    secret.putNull("customKeyIdentifier");
    secret.put("displayName", name);
    secret.put("endDateTime", "2027-12-31T00:00:00Z");
    secret.put("hint", "x7Q");
    secret.put("keyId", keyId);
    secret.putNull("secretText");
    secret.put("startDateTime", start);
    return secret;
  }

  /**
   * Admins take roles in turn: 0,1 Global; 2 Privileged Role; 3,4 User; 5 Exchange; 6,7 Security.
   */
  static int roleOfAdmin(int adminIndex) {
    int[] pattern = {0, 0, 1, 2, 2, 3, 4, 4};
    return pattern[adminIndex % pattern.length];
  }

  private static GrantSeed grant(
      String domain, int i, int n, String client, String principal, String scope) {
    return new GrantSeed(
        uuid("grant:" + domain + ":" + i + ":" + n).replace("-", ""),
        client,
        "Principal",
        principal,
        GRAPH_RESOURCE_ID,
        scope);
  }

  private static List<MethodSeed> methods(Random random, int i) {
    List<MethodSeed> methods = new ArrayList<>();
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (random.nextInt(100) < 70) {
      ObjectNode p =
          f.objectNode()
              .put("displayName", "iPhone " + (12 + random.nextInt(4)))
              .put("deviceTag", "SoftwareTokenActivated")
              .put("phoneAppVersion", "6.8.7")
              .put("createdDateTime", registered(i, 0));
      methods.add(
          new MethodSeed(
              uuid("authenticator:" + i), "microsoftAuthenticatorAuthenticationMethod", p));
    }
    if (random.nextInt(100) < 45) {
      ObjectNode p =
          f.objectNode()
              .put("phoneNumber", String.format("+81 90%08d", random.nextInt(100_000_000)))
              .put("phoneType", "mobile")
              .putNull("smsSignInState");
      methods.add(
          new MethodSeed("3179e48a-750b-4051-897c-87b9720928f7", "phoneAuthenticationMethod", p));
    }
    if (random.nextInt(100) < 10) {
      ObjectNode p =
          f.objectNode()
              .put("displayName", "Security key")
              .put("model", "FIDO2 key")
              .put("createdDateTime", registered(i, 1));
      methods.add(new MethodSeed(uuid("fido2:" + i), "fido2AuthenticationMethod", p));
    }
    if (random.nextInt(100) < 8) {
      methods.add(
          new MethodSeed(
              uuid("oath:" + i),
              "softwareOathAuthenticationMethod",
              f.objectNode().putNull("secretKey")));
    }
    if (random.nextInt(100) < 5) {
      methods.add(
          new MethodSeed(
              "3ddfcfc8-9383-446f-83cc-3ab9be4be18f",
              "emailAuthenticationMethod",
              f.objectNode().put("emailAddress", "recovery" + i + "@mail.example")));
    }
    return methods;
  }

  /** A registration long before any demo incident (Graph's createdDateTime of the method). */
  private static String registered(int i, int n) {
    return Instant.parse("2024-03-01T09:00:00Z")
        .minus(Duration.ofDays(i % 200 + n * 7L))
        .toString();
  }

  /**
   * The first administrator as an attacker leaves one (docs/playbooks.md "Compromise window"): an
   * Authenticator registered a day before the simulator starts besides the old one, a rule hiding
   * security mail, a PIM-eligible and an active PIM role, and a role-assignable group.
   */
  static final String TIER0_GROUP = "Tier 0 Operators";

  private static void attackerPersistence(UserSeed admin, List<UserSeed> users) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<MethodSeed> methods = new ArrayList<>(admin.authenticationMethods());
    methods.add(
        new MethodSeed(
            uuid("authenticator:attacker:" + admin.id()),
            "microsoftAuthenticatorAuthenticationMethod",
            f.objectNode()
                .put("displayName", "Pixel 8")
                .put("deviceTag", "SoftwareTokenActivated")
                .put("phoneAppVersion", "6.8.9")
                .put("createdDateTime", "now-P1D")));
    if (methods.stream()
        .noneMatch(
            m ->
                m.type().equals("microsoftAuthenticatorAuthenticationMethod")
                    && !m.properties().path("createdDateTime").asText().startsWith("now-"))) {
      methods.add(
          new MethodSeed(
              uuid("authenticator:old:" + admin.id()),
              "microsoftAuthenticatorAuthenticationMethod",
              f.objectNode()
                  .put("displayName", "iPhone 13")
                  .put("deviceTag", "SoftwareTokenActivated")
                  .put("phoneAppVersion", "6.8.7")
                  .put("createdDateTime", "2023-11-02T08:15:00Z")));
    }
    List<ObjectNode> rules = new ArrayList<>(admin.messageRules());
    ObjectNode hiding = rule(f, uuid("rule:hide:" + admin.id()), "..", 1);
    hiding
        .putObject("conditions")
        .putArray("bodyOrSubjectContains")
        .add("security alert")
        .add("unusual sign-in")
        .add("password");
    hiding.putObject("actions").put("moveToFolder", "AAMk-deleteditems").put("markAsRead", true);
    rules.add(hiding);
    users.set(
        users.indexOf(admin),
        new UserSeed(
            admin.id(),
            admin.userPrincipalName(),
            admin.displayName(),
            admin.mail(),
            admin.userType(),
            admin.accountEnabled(),
            admin.onPremisesSyncEnabled(),
            admin.lastPasswordChangeDateTime(),
            admin.signInSessionsValidFromDateTime(),
            admin.mailboxEnabled(),
            admin.department(),
            admin.jobTitle(),
            admin.riskState(),
            admin.riskLevel(),
            methods,
            rules));
  }

  private static List<ObjectNode> rules(int i) {
    List<ObjectNode> rules = new ArrayList<>();
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (i % 11 == 4) {
      ObjectNode rule = rule(f, uuid("rule:fwd:" + i), "Auto archive", 1);
      rule.putObject("actions")
          .putArray("forwardTo")
          .addObject()
          .putObject("emailAddress")
          .put("name", "Archive")
          .put("address", EXFIL_ADDRESS);
      rules.add(rule);
    }
    if (i % 23 == 9) {
      ObjectNode rule = rule(f, uuid("rule:redirect:" + i), ".", 2);
      rule.putObject("actions")
          .putArray("redirectTo")
          .addObject()
          .putObject("emailAddress")
          .put("name", "r")
          .put("address", EXFIL_ADDRESS);
      rules.add(rule);
    }
    if (i % 5 == 0) {
      ObjectNode rule = rule(f, uuid("rule:move:" + i), "Newsletters", 3);
      rule.putObject("conditions").putArray("senderContains").add("newsletter");
      rule.putObject("actions")
          .put("moveToFolder", "AAMkAGI2TGuLAAA=")
          .put("stopProcessingRules", true);
      rules.add(rule);
    }
    return rules;
  }

  private static ObjectNode rule(JsonNodeFactory f, String id, String name, int sequence) {
    return f.objectNode()
        .put("id", id)
        .put("displayName", name)
        .put("sequence", sequence)
        .put("isEnabled", true)
        .put("hasError", false)
        .put("isReadOnly", false);
  }

  private static String description(String project) {
    return switch (project) {
      case PSR -> "Mars-moon sample-return mission team";
      case CLM -> "Crewed lunar rover project";
      case LVO -> "Rocket launch operations";
      default -> "Satellite operations, shared with partner organisations";
    };
  }

  private static String capitalise(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
