-- 综合态势 at provincial scale: the dashboard counts open hazards (by status, level, deadline, 挂牌督办) and completed
-- inspections in a period over millions of rows. Open hazards are a fraction of the ledger, so a partial index that
-- carries the counted columns lets the counts run as index-only scans; completed inspections by the day they ended.
create index hazards_open_tally_idx on hazards (region_code bpchar_pattern_ops) include (status, level, deadline, supervise_level)
  where status <> 'closed';
create index enforcement_inspections_completed_idx on enforcement_inspections (ended_at) include (region_code)
  where status = 'completed';
