-- A claim is held by a lease that its executor extends while it works (instead of a fixed age), so
-- that a dead executor's actions are picked up within seconds. The lease is in the database's clock,
-- which every instance shares.
alter table remediation_action add column lease_expires_at timestamptz;
update remediation_action set lease_expires_at = claimed_at + interval '2 minutes'
  where state = 'IN_FLIGHT';

-- The claim time in Graph's clock, as the claiming executor measured it from Graph's Date headers
-- (earliest and latest it can be), carried over to possibly_applied_* when the attempt's fate is
-- unknown: Graph reports effects in whole seconds of its own clock, and they are compared there.
alter table remediation_action add column claimed_graph_earliest timestamptz;
alter table remediation_action add column claimed_graph_latest timestamptz;
alter table remediation_action add column possibly_applied_graph_earliest timestamptz;
alter table remediation_action add column possibly_applied_graph_latest timestamptz;
