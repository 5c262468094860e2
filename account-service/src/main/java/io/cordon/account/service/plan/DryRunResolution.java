package io.cordon.account.service.plan;

import io.cordon.account.model.EntryRejection;
import io.cordon.contracts.events.GraphAccess;
import java.util.List;

/**
 * What a report would resolve to ({@code POST /compromise-reports?dryRun=true}): reads only,
 * nothing stored, published or written to Graph.
 *
 * @param graphAccess what the app may do now (absent when no token could be had)
 */
public record DryRunResolution(
    boolean dryRun,
    int accepted,
    List<EntryRejection> rejected,
    int duplicates,
    List<PlannedAccount> accounts,
    GraphAccess graphAccess) {}
