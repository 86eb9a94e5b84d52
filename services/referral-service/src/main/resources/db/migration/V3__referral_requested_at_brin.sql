-- Statistics filter on the request date. Referrals arrive in that order, so a BRIN index serves the same range
-- queries as the B-tree of V1 at almost no cost per insert, which matters on the create path.
drop index referral_requested_at;
create index referral_requested_at on referral using brin (requested_at);
