-- The monthly KPI projection (`kpi-path-facts`, table kpi_path_facts) was replaced by the
-- versioned facts of 0020 and is no longer run. Its checkpoint stayed behind, frozen where the
-- projection stopped, so anything judging "every projection has caught up" by the checkpoint
-- table (the chaos ledger did) saw it forever behind. A checkpoint belongs to a projection that
-- runs: this one goes. The table and its views are dropped by a later migration, once no
-- deployed build reads them.
DELETE FROM projection_checkpoints WHERE name = 'kpi-path-facts';
