-- What a notice told its partner, so that a later request for the same incident is sent only when
-- something changed for that partner (new accounts in its scope, another containment status):
-- nothing is sent twice for the same change.
alter table notice add column exposure_status varchar(20);
-- every in-scope account the partner has heard of in this incident so far, as short SHA-256 digests
-- of the lower-case UPN (not the names: the body keeps those only for partners entitled to them)
alter table notice add column account_digests text not null default '';
