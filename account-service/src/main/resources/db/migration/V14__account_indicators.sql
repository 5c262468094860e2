-- Issue 24: the evidence an entry names about its account's compromise travels with it from intake
-- to CompromiseReported: the earliest attacker activity (a CSV's first_seen, a detection's activity
-- time) and the indicators of compromise (a CSV's indicator column, a detection's IP addresses,
-- locations, user agents, risk event types...) as the JSON array of contract Indicators.
alter table report_account add column first_seen_at timestamptz;
alter table report_account add column indicators_json text;
