package io.cordon.cli;

/**
 * Answers shaped as the services send them (docs/api.md and the services' rest packages), kept in
 * one place so the tests stub real shapes.
 */
public final class ApiShapes {
  private ApiShapes() {}

  public static final String RUN_ID = "7f3e6a10-0000-4000-8000-000000000001";
  public static final String REPORT_ID = "0b9c1d2e-0000-4000-8000-000000000002";
  public static final String APPROVAL_ID = "a1b2c3d4-0000-4000-8000-000000000003";

  public static String receipt(int accepted, String rejectedJson, int duplicates) {
    return "{\"reportId\":\""
        + REPORT_ID
        + "\",\"accepted\":"
        + accepted
        + ",\"rejected\":"
        + rejectedJson
        + ",\"duplicates\":"
        + duplicates
        + "}";
  }

  /**
   * An incident as GET /incidents/{id} answers it. playbook-service lists a report there with the
   * run it started (the list is made from the runs), so before the run exists the report is absent.
   */
  public static String incidentWithReport(String incidentId, String runIdOrNull) {
    String reports =
        runIdOrNull == null
            ? "[]"
            : "[{\"reportId\":\""
                + REPORT_ID
                + "\",\"source\":\"CSV\","
                + "\"reportedBy\":\"rei.responder@cordon.local\",\"runId\":\""
                + runIdOrNull
                + "\",\"receivedAt\":\"2026-12-06T09:00:00Z\"}]";
    return "{\"id\":\""
        + incidentId
        + "\",\"title\":\"VPN intrusion\",\"severity\":\"CRITICAL\","
        + "\"state\":\"OPEN\",\"openedAt\":\"2026-12-06T09:00:00Z\",\"containedAt\":null,"
        + "\"closedAt\":null,\"closedBy\":null,\"closeReason\":null,"
        + "\"accounts\":{\"UNCONTAINED\":0,\"IN_PROGRESS\":2,\"CONTAINED\":0,\"PARTIAL\":0,"
        + "\"REQUIRES_MANUAL\":0,\"RELEASED\":0},\"reports\":"
        + reports
        + ",\"runs\":[]}";
  }

  /** A run as GET /runs/{id} answers, two steps over two accounts. */
  public static String run(String state, String revokeCounts, String disableCounts, String totals) {
    return "{\"id\":\""
        + RUN_ID
        + "\",\"playbook\":{\"name\":\"contain-compromised-account\","
        + "\"version\":1},\"incident\":{\"id\":\"INC-7\",\"title\":\"VPN intrusion\","
        + "\"severity\":\"CRITICAL\"},\"source\":\"CSV\",\"reportId\":\""
        + REPORT_ID
        + "\","
        + "\"startedBy\":\"rei.responder@cordon.local\",\"state\":\""
        + state
        + "\","
        + "\"stateReason\":null,\"cancelledBy\":null,\"paused\":null,"
        + "\"chunks\":{\"received\":1,\"expected\":1},\"accounts\":2,"
        + "\"createdAt\":\"2026-12-06T09:00:01Z\",\"startedAt\":\"2026-12-06T09:00:02Z\","
        + "\"finishedAt\":null,\"durationMs\":4200,\"counts\":"
        + totals
        + ","
        + "\"steps\":[{\"index\":0,\"id\":\"revoke-sessions\",\"action\":\"REVOKE_SESSIONS\","
        + "\"scope\":\"account\",\"counts\":"
        + revokeCounts
        + ",\"startedAt\":null,"
        + "\"finishedAt\":null,\"durationMs\":null,\"finished\":false},"
        + "{\"index\":1,\"id\":\"disable-privileged\",\"action\":\"DISABLE_ACCOUNT\","
        + "\"scope\":\"account\",\"counts\":"
        + disableCounts
        + ",\"startedAt\":null,"
        + "\"finishedAt\":null,\"durationMs\":null,\"finished\":false}]}";
  }

  public static String approval(String state, int accountCount) {
    return "{\"id\":\""
        + APPROVAL_ID
        + "\",\"runId\":\""
        + RUN_ID
        + "\",\"incidentId\":\"INC-7\","
        + "\"playbook\":\"contain-compromised-account\",\"stepId\":\"disable-privileged\","
        + "\"action\":\"DISABLE_ACCOUNT\",\"role\":\"approver\",\"state\":\""
        + state
        + "\","
        + "\"onTimeout\":\"reject\",\"requestedAt\":\"2026-12-06T09:00:05Z\","
        + "\"expiresAt\":\"2026-12-06T13:00:05Z\",\"startedBy\":\"rei.responder@cordon.local\","
        + "\"startedById\":\"iss:cordon-local rei\",\"accountCount\":"
        + accountCount
        + ","
        + "\"accounts\":[{\"objectId\":\"6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f\","
        + "\"userPrincipalName\":\"admin.taro@jaxa.example\","
        + "\"privilegedRoles\":[\"Global Administrator\"]}],"
        + "\"decidedBy\":null,\"decidedAt\":null,\"comment\":null}";
  }

  public static String page(String... items) {
    return "{\"items\":[" + String.join(",", items) + "],\"next\":null}";
  }

  public static String problem(int status, String type, String title, String detail, String field) {
    String errors =
        field == null ? "[]" : "[{\"field\":\"" + field + "\",\"reason\":\"" + detail + "\"}]";
    return "{\"type\":\"urn:cordon:problem:"
        + type
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\",\"instance\":\"/api/v1/x\",\"errors\":"
        + errors
        + "}";
  }
}
