-- 防汛 (flood control): the flood registry (reservoirs, sluices, dikes, polders, mountain-torrent danger points,
-- hydropower stations) with their three responsible people, 备汛检查 teams and batches whose findings are hazards,
-- flood plans, flood responses (Ⅳ–Ⅰ) with each responsible person's task and acknowledgement, and transfers per
-- danger point. Forward-only. See docs/decisions/0005-flood-registry-owns-facilities.md.
create table flood_facilities (
  id                     uuid primary key,
  kind                   text not null check (kind in ('reservoir','sluice','dike','polder','torrent_point','hydropower')),
  name                   text not null,
  region_code            char(12) not null references regions(code),
  lng                    double precision,
  lat                    double precision,
  -- 水库规模: large 大型 / medium 中型 / small1 小(一)型 / small2 小(二)型; null for the other kinds.
  scale                  text check (scale in ('large','medium','small1','small2')),
  -- 特征水位 (m): deadLevel 死水位, floodLimitLevel 汛限水位, normalLevel 正常蓄水位, designFloodLevel 设计洪水位, checkFloodLevel 校核洪水位.
  levels                 jsonb not null default '{}',
  capacity_wan_m3        numeric(12,2),
  -- 山洪危险区: households and people at risk, transfer route, shelter; 准备转移/立即转移 rainfall thresholds.
  households_at_risk     integer check (households_at_risk >= 0),
  people_at_risk         integer check (people_at_risk >= 0),
  transfer_route         text,
  shelter                text,
  thresholds             jsonb not null default '{}',
  -- Optional link to the monitoring domain's sensor-bearing site (live water level / rainfall).
  monitoring_facility_id uuid references monitoring_facilities(id),
  admin_name             text not null,
  admin_phone            text not null,
  tech_name              text,
  tech_phone             text,
  patrol_name            text not null,
  patrol_phone           text not null,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  unique (kind, region_code, name)
);
create index flood_facilities_region_idx on flood_facilities(region_code bpchar_pattern_ops);

-- 备汛检查组: county teams and town self-check teams.
create table flood_inspection_teams (
  id           uuid primary key,
  name         text not null unique,
  level        text not null check (level in ('county','town')),
  region_code  char(12) not null references regions(code),
  leader       text not null,
  members      jsonb not null default '[]',  -- ["name", …]; the leader is not repeated
  created_at   timestamptz not null default now()
);

-- 检查批次: one team's visit to a set of facilities on one day; season = the flood season's year.
create table flood_inspection_batches (
  id            uuid primary key,
  number        text not null unique,
  season        integer not null,
  level         text not null check (level in ('county','town')),
  team_id       uuid not null references flood_inspection_teams(id),
  region_code   char(12) not null references regions(code),
  inspected_on  date not null,
  note          text,
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now()
);
create index flood_batches_region_idx on flood_inspection_batches(region_code bpchar_pattern_ops, season);

create table flood_batch_facilities (
  batch_id     uuid not null references flood_inspection_batches(id) on delete cascade,
  facility_id  uuid not null references flood_facilities(id),
  primary key (batch_id, facility_id)
);
create index flood_batch_facilities_facility_idx on flood_batch_facilities(facility_id);

-- A finding is a hazard record (hazards domain); the batch only links to it.
create table flood_batch_findings (
  hazard_id    uuid primary key references hazards(id),
  batch_id     uuid not null references flood_inspection_batches(id) on delete cascade,
  facility_id  uuid references flood_facilities(id)
);
create index flood_batch_findings_batch_idx on flood_batch_findings(batch_id);

-- 防汛方案预案 per facility, town or village; the county's 防汛抗旱专项预案 stays in command_plans and is linked.
create table flood_plans (
  id               uuid primary key,
  level            text not null check (level in ('facility','town','village')),
  title            text not null,
  region_code      char(12) not null references regions(code),
  facility_id      uuid references flood_facilities(id),
  command_plan_id  uuid references command_plans(id),
  revised_on       date not null,
  created_at       timestamptz not null default now()
);
create index flood_plans_region_idx on flood_plans(region_code bpchar_pattern_ops);

-- 防汛应急响应: level 4 = Ⅳ级 … 1 = Ⅰ级, over the covered towns.
create table flood_responses (
  id           uuid primary key,
  number       text not null unique,
  level        integer not null check (level between 1 and 4),
  region_code  char(12) not null references regions(code),   -- the county, or the one town when a single town is covered
  town_codes   text[] not null,
  reason       text not null,
  incident_id  uuid references incidents(id),
  started_at   timestamptz not null,
  started_by   uuid references accounts(id),
  ended_at     timestamptz
);

-- One task per responsible person of each facility in the covered towns, with its 叫应 (acknowledgement).
create table flood_response_tasks (
  id               uuid primary key,
  response_id      uuid not null references flood_responses(id) on delete cascade,
  facility_id      uuid not null references flood_facilities(id),
  region_code      char(12) not null references regions(code),
  role             text not null check (role in ('admin','tech','patrol')),
  person_name      text not null,
  phone            text not null,
  task             text not null,
  account_id       uuid references accounts(id),
  notification_ids uuid[] not null default '{}',
  sent_count       integer not null default 1,
  last_sent_at     timestamptz not null,
  acked_at         timestamptz,
  ack_note         text
);
create index flood_response_tasks_response_idx on flood_response_tasks(response_id, region_code);

-- 人员转移 per danger point in a response: planned, transferred, returned.
create table flood_transfers (
  response_id  uuid not null references flood_responses(id) on delete cascade,
  facility_id  uuid not null references flood_facilities(id),
  region_code  char(12) not null references regions(code),
  planned      integer not null check (planned >= 0),
  transferred  integer not null default 0 check (transferred >= 0),
  returned     integer not null default 0 check (returned >= 0 and returned <= transferred),
  updated_at   timestamptz not null default now(),
  primary key (response_id, facility_id)
);
