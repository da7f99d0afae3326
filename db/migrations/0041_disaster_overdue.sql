-- Report time limits found overdue by the disaster scan (one row per event, town, stage and due moment), so each
-- overdue report is flagged and its town told once.
create table disaster_overdue_flags (
  event_id     uuid not null references disaster_events(id) on delete cascade,
  region_code  char(12) not null references regions(code),
  stage        text not null,
  due_at       timestamptz not null,
  flagged_at   timestamptz not null,
  primary key (event_id, region_code, stage, due_at)
);
