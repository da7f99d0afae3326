-- Rollups folded beside the ingest path, not in it (issue 12). Each ingest batch folded its new readings into the
-- 1-minute and 1-hour rollups in its own statement: two upserts per reading's (sensor, bucket), a new row version and
-- index entry each time, which made the ingest statement about three times the work of the bare insert. Now a batch
-- writes its new readings once more as three arrays in one row here, in the same transaction as the readings; a folder
-- takes these rows in id order (skipping rows another process holds), adds them to the rollups grouped over many
-- batches and deletes them, in one transaction, so every reading is added exactly once, whether or not a process
-- died in between. Readers of the rollups add what is still pending (monitoring/storage/rollups.ts), so a chart or a
-- rainfall total never misses a committed reading.
create table sensor_rollup_pending (
  id   bigint generated always as identity primary key,
  ids  uuid[] not null,
  ts   timestamptz[] not null,
  vals double precision[] not null
);

-- A queue: every row is deleted within a second of its insert, so its dead rows (and their TOASTed arrays) must be
-- vacuumed as they pile up, not when a fifth of the table is dead; readers scan what is left.
alter table sensor_rollup_pending set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
  autovacuum_vacuum_cost_delay = 0, toast.autovacuum_vacuum_scale_factor = 0, toast.autovacuum_vacuum_threshold = 1000,
  toast.autovacuum_vacuum_cost_delay = 0);
