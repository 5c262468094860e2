-- A write whose outcome is unknown (its executor died mid-send, or Graph never answered) may have
-- taken effect. Before it is sent again, Graph is asked whether the effect is already there: only a
-- change later than this time counts as ours.
alter table remediation_action add column possibly_applied_since timestamptz;
