package io.cordon.graphsim.model;

import java.time.Instant;
import java.util.List;

/**
 * One Graph call as the simulator saw it. {@code status} 0 means no answer was sent (dropped or
 * held connection); {@code cause} names a throttle rule or injected fault; {@code effective} is
 * true when the call changed state; {@code tenantId} is the tenant whose token the call carried
 * (the default tenant's when it carried none valid, then {@code cause} is {@code unauthenticated}).
 */
public record JournalEntry(
    long seq,
    Instant time,
    String requestId,
    String method,
    String path,
    String action,
    List<String> userIds,
    int status,
    boolean effective,
    boolean inBatch,
    String cause,
    String tenantId) {}
