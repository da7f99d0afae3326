-- 综合态势 at provincial scale, measured on 5,000,000 hazards: within a county the hazards found in a period were
-- counted by fetching every hazard of the county from the table (4.4 s), and the overdue top ten sorted the county's
-- open hazards read from the table (0.6 s). Both become index-only: found day beside the region, and the open
-- (pending/rectifying) hazards' deadline, level and id in a partial index.
create index hazards_region_found_idx on hazards (region_code bpchar_pattern_ops, found_at);
create index hazards_rectifying_deadline_idx on hazards (region_code bpchar_pattern_ops) include (deadline, level, id)
  where status in ('pending', 'rectifying');
