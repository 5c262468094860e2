package io.cordon.commons.tracing;

/** What a traced unit of work is about; any part may be null. */
public record WorkAttributes(
    String runId, String objectId, String userPrincipalName, String action) {
  public static final WorkAttributes NONE = new WorkAttributes(null, null, null, null);

  public static WorkAttributes ofRun(String runId) {
    return new WorkAttributes(runId, null, null, null);
  }
}
