-- Fencing tokens (docs/architecture.md "Claims, leases and fencing"): every claim of a ledger row
-- takes a fresh token from this sequence; extending, restamping and completing the claim must name
-- it, so an executor that lost its claim (its lease ran out, another instance claimed the row) can
-- no longer touch the row. Drawn from one sequence, a token is unique across rows and increases
-- with every claim of the same row.
create sequence remediation_action_claim_token;
alter table remediation_action add column claim_token bigint;
