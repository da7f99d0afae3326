-- 双重预防: risk points (风险分级管控) and hidden hazards (隐患排查治理) with their trail,
-- campaigns (专项行动), deadline extensions, and enterprise self-checks (自查自纠自改).

create table campaigns (
  id          uuid primary key,
  name        text not null,
  kind        text not null default 'special' check (kind in ('special','big_check','seasonal','holiday','other')),
  period_from date not null,
  period_to   date not null,
  region_code char(12) not null references regions(code),
  organizer_org_id uuid references organizations(id),
  description text,
  created_by  uuid references accounts(id),
  created_at  timestamptz not null default now(),
  check (period_to >= period_from)
);
create index campaigns_region_idx on campaigns(region_code);

create table risk_points (
  id            uuid primary key,
  enterprise_id uuid references enterprises(id),
  region_code   char(12) not null references regions(code),
  place_name    text,
  name          text not null,
  hazard_desc   text not null,               -- what could go wrong (可能导致的事故类型)
  method        text not null check (method in ('LEC','LS')),
  inputs        jsonb not null,              -- {L,E,C} or {L,S}
  score         numeric not null,
  level         text not null check (level in ('red','orange','yellow','blue')),
  rule_version  text not null,               -- the band rule it was graded by
  control_measures text,
  responsible   jsonb not null default '[]', -- [{level: 公司/车间/班组/岗位, person}]
  lng double precision, lat double precision,
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (enterprise_id is not null or place_name is not null)
);
create index risk_points_enterprise_idx on risk_points(enterprise_id);
create index risk_points_region_idx on risk_points(region_code bpchar_pattern_ops);

create table hazards (
  id            uuid primary key,
  number        text not null unique,        -- YH-2022-000123
  enterprise_id uuid references enterprises(id),
  enterprise_name text,                      -- as it was when found
  region_code   char(12) not null references regions(code),
  place_name    text,
  lng double precision, lat double precision,
  title         text not null,
  description   text,
  found_at      timestamptz not null,
  found_by      text not null,
  reported_by   uuid references accounts(id),
  reported_org_id uuid references organizations(id),
  source        text not null,
  sector        text,
  category      text,
  level         text not null check (level in ('general','major')),
  major_basis   text,                        -- the determination-standard item that made it major
  campaign_id   uuid references campaigns(id),
  risk_point_id uuid references risk_points(id),
  status        text not null default 'pending' check (status in ('pending','rectifying','review','closed')),
  -- 一单四制 / 五落实
  responsible_person text,
  responsible_phone  text,
  measures      text,
  funds         numeric,
  deadline      date,
  rectified_by  uuid references accounts(id),
  rectified_at  timestamptz,
  accepted_by   uuid references accounts(id),
  closed_at     timestamptz,
  -- 挂牌督办 (major hazards)
  supervise_level text check (supervise_level in ('county','town','department')),
  supervising_org_id uuid references organizations(id),
  supervise_deadline date,
  supervised_at timestamptz,
  -- reminders sent (the deadline scan is idempotent)
  due_soon_notified_for date,
  overdue_notified_for  date,
  escalated_for date,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (enterprise_id is not null or place_name is not null),
  check (level = 'general' or major_basis is not null)
);
create index hazards_region_idx on hazards(region_code bpchar_pattern_ops);
create index hazards_enterprise_idx on hazards(enterprise_id);
create index hazards_status_deadline_idx on hazards(status, deadline);
create index hazards_found_idx on hazards(found_at);
create index hazards_campaign_idx on hazards(campaign_id);
create index hazards_title_trgm on hazards using gin (title gin_trgm_ops);

-- The trail of a hazard: every move with who, when, evidence photos and comments.
create table hazard_events (
  id          uuid primary key,
  hazard_id   uuid not null references hazards(id),
  at          timestamptz not null,
  actor_id    uuid references accounts(id),
  actor_name  text not null,
  action      text not null,
  from_status text,
  to_status   text,
  comment     text,
  photos      uuid[] not null default '{}',
  data        jsonb
);
create index hazard_events_hazard_idx on hazard_events(hazard_id, at);

-- 延期: requested with a reason, decided by someone else.
create table hazard_extensions (
  id            uuid primary key,
  hazard_id     uuid not null references hazards(id),
  old_deadline  date not null,
  new_deadline  date not null,
  reason        text not null,
  requested_by  uuid not null references accounts(id),
  requested_at  timestamptz not null,
  decision      text check (decision in ('approved','rejected')),
  decided_by    uuid references accounts(id),
  decided_at    timestamptz,
  decision_note text
);
create index hazard_extensions_hazard_idx on hazard_extensions(hazard_id);

-- 自查: checklist templates per sector and frequency, and the enterprise's filled checks.
create table check_templates (
  id        uuid primary key,
  sector    text not null,
  name      text not null,
  frequency text not null check (frequency in ('daily','weekly','monthly','seasonal')),
  items     jsonb not null,        -- [{code, text, basis}]
  created_at timestamptz not null default now()
);

create table check_records (
  id            uuid primary key,
  enterprise_id uuid not null references enterprises(id),
  region_code   char(12) not null references regions(code),
  template_id   uuid not null references check_templates(id),
  checked_at    timestamptz not null,
  checked_by    uuid references accounts(id),
  checker_name  text not null,
  results       jsonb not null,    -- [{code, ok, note, photos}]
  failed_count  int not null,
  created_at    timestamptz not null default now()
);
create index check_records_enterprise_idx on check_records(enterprise_id, checked_at desc);
