-- 值班值守 (duty roster, handovers, duty log), 信息报送 (初报/续报/终报 of an incident with their deadlines),
-- and the figures the incident command map needs that no other table holds (village population).
-- Forward-only. Incidents are referenced by foreign key (0032 is the incident desk's table).

-- 排班: who is on which shift of a day, as 带班领导 (leader) or 值班员 (officer). A roster belongs to a unit:
-- the bureau's roster carries the county code, a town station's its town code. Shift codes come from the
-- rule command.duty.shifts (day 08:30–17:30, night 17:30–08:30 by default; the night shift of a date
-- ends on the next morning).
create table duty_assignments (
  id          uuid primary key,
  region_code char(12) not null references regions(code),
  duty_date   date not null,
  shift       text not null check (shift ~ '^[a-z][a-z0-9_]{0,19}$'),
  role        text not null check (role in ('leader','officer')),
  account_id  uuid not null references accounts(id),
  note        text,
  created_by  uuid references accounts(id),
  created_at  timestamptz not null default now(),
  unique (region_code, duty_date, shift, role, account_id)
);
create index duty_assignments_day_idx on duty_assignments(duty_date, shift, region_code);
create index duty_assignments_account_idx on duty_assignments(account_id, duty_date);

-- 交接班: the shift on duty hands over to the next (notes, open items carried over); the next shift receives it.
create table duty_handovers (
  id           uuid primary key,
  region_code  char(12) not null references regions(code),
  from_date    date not null,
  from_shift   text not null,
  to_date      date not null,
  to_shift     text not null,
  notes        text not null,
  open_items   jsonb not null default '[]',   -- [{ text, incidentId? }]
  handed_by    uuid not null references accounts(id),
  handed_at    timestamptz not null,
  received_by  uuid references accounts(id),
  received_at  timestamptz,
  receive_note text,
  created_at   timestamptz not null default now(),
  unique (region_code, from_date, from_shift),
  check (received_by is null or received_by <> handed_by)
);
create index duty_handovers_time_idx on duty_handovers(handed_at desc, id);

-- 值班日志: calls received, notices passed on, what was done.
create table duty_logs (
  id           uuid primary key,
  region_code  char(12) not null references regions(code),
  duty_date    date not null,
  shift        text not null,
  at           timestamptz not null,
  kind         text not null check (kind in ('call','notice','action','other')),
  party        text,                 -- 来电人 / 来文单位 / 通知对象
  phone        text,
  content      text not null,
  action_taken text,
  incident_id  uuid references incidents(id),
  recorded_by  uuid not null references accounts(id),
  created_at   timestamptz not null default now()
);
create index duty_logs_time_idx on duty_logs(at desc, id);
create index duty_logs_region_idx on duty_logs(region_code bpchar_pattern_ops);
create index duty_logs_incident_idx on duty_logs(incident_id) where incident_id is not null;

-- 信息报送: one report upward (初报 initial, 续报 follow_up n, 终报 final) drafted from the incident's record,
-- approved by someone other than the drafter, then sent to the configured upper-level recipients.
create table incident_reports (
  id            uuid primary key,
  incident_id   uuid not null references incidents(id),
  region_code   char(12) not null references regions(code),
  kind          text not null check (kind in ('initial','follow_up','final')),
  seq           int not null check (seq >= 1),      -- 续报 第 n 次; 1 for 初报 and 终报
  number        text not null unique,               -- 汨应急报〔2022〕12号
  status        text not null default 'draft' check (status in ('draft','submitted','approved','sent')),
  title         text not null,
  content       jsonb not null,                     -- summary, casualties, measures, timeline, next steps … (contracts/command-reports.ts)
  drafted_by    uuid not null references accounts(id),
  drafted_at    timestamptz not null,
  submitted_at  timestamptz,
  approved_by   uuid references accounts(id),
  approved_at   timestamptz,
  approval_note text,
  returned_note text,
  sent_by       uuid references accounts(id),
  sent_at       timestamptz,
  recipients    jsonb not null default '[]',         -- [{ name, phone?, accountId? }] as configured when sent
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (incident_id, kind, seq),
  check (approved_by is null or approved_by <> drafted_by)
);
create index incident_reports_incident_idx on incident_reports(incident_id, drafted_at);
create index incident_reports_region_idx on incident_reports(region_code bpchar_pattern_ops);

-- The reports an incident owes and by when (from the rule command.reports.limits as it stood), met by a sent
-- report; the deadline scan flags the overdue ones and reminds the duty shift once.
create table incident_report_dues (
  id             uuid primary key,
  incident_id    uuid not null references incidents(id),
  region_code    char(12) not null references regions(code),
  kind           text not null check (kind in ('initial','follow_up','final')),
  due_at         timestamptz not null,
  basis          text not null,                      -- rule version and wording
  met_report_id  uuid references incident_reports(id),
  met_at         timestamptz,
  reminded_at    timestamptz,
  overdue_at     timestamptz,                        -- when the scan found it late (and told the shift)
  created_at     timestamptz not null default now(),
  unique (incident_id, kind, due_at)
);
create index incident_report_dues_open_idx on incident_report_dues(due_at) where met_at is null;
create index incident_report_dues_incident_idx on incident_report_dues(incident_id, due_at);

-- 村（社区）人口: the command map shows who lives near an incident; regions hold no population.
create table region_populations (
  region_code  char(12) primary key references regions(code),
  population   int not null check (population >= 0),   -- 常住人口
  households   int check (households >= 0),
  as_of        date not null,
  source       text not null
);

-- The command map looks for enterprises in a box around a point before measuring distances: a GiST index on the
-- built-in point type (no PostGIS or earthdistance needed), matched by `point(lng, lat) <@ box(…)`.
create index command_map_enterprises_point_idx on enterprises using gist (point(lng, lat)) where lat is not null and lng is not null;
