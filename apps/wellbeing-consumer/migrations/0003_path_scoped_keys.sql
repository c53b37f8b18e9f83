-- Referral and side-service ids are a path's own: the domain checks them within one path, and
-- "r-1" is a referral id on many paths. Keyed by the id alone, a second path's referral was taken
-- for a duplicate of the first's and silently dropped (which one survived depended on the order
-- the partitions were read in, so a rebuild could even keep a different one). Keyed by path and
-- id now; a read model that already lost rows gets them back with a rebuild (POST /admin/rebuild).
ALTER TABLE referrals DROP CONSTRAINT referrals_pkey, ADD PRIMARY KEY (path_id, referral_id);
ALTER TABLE rehab_periods DROP CONSTRAINT rehab_periods_pkey, ADD PRIMARY KEY (path_id, service_id);
