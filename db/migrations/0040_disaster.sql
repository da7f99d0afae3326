-- 防灾减灾救灾: disaster information officers (灾害信息员) and disaster reports (灾情报送).

-- One person holding the A or B role of the officer post of a region (county, town or village).
create table disaster_informants (
  id           uuid primary key,
  name         text not null,
  phone        text not null,
  level        text not null check (level in ('county', 'town', 'village')),
  region_code  char(12) not null references regions(code),
  role         text not null check (role in ('A', 'B')),
  unit         text not null default '',      -- 村两委 / 应急管理站 / 减灾股 …
  position     text not null default '',
  active       boolean not null default true,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
-- A post has at most one active A and one active B.
create unique index disaster_informants_post_role on disaster_informants (region_code, role) where active;
create index disaster_informants_region_idx on disaster_informants (region_code);

create table disaster_informant_trainings (
  id            uuid primary key,
  informant_id  uuid not null references disaster_informants(id) on delete cascade,
  trained_on    date not null,
  topic         text not null,
  hours         numeric(5,1) not null default 0
);
create index disaster_informant_trainings_idx on disaster_informant_trainings (informant_id, trained_on);

-- A natural disaster event and the regions it struck.
create table disaster_events (
  id           uuid primary key,
  number       text not null unique,
  name         text not null,
  kind         text not null,
  started_at   timestamptz not null,
  region_code  char(12) not null references regions(code),
  description  text not null default '',
  stable_at    timestamptz,                  -- the situation stabilised: 续报 stop, 核报 due
  incident_id  uuid,                         -- the command incident it relates to, if any (SJ-…)
  created_by   uuid,
  created_at   timestamptz not null default now()
);
create index disaster_events_started_idx on disaster_events (started_at desc);

create table disaster_event_areas (
  event_id     uuid not null references disaster_events(id) on delete cascade,
  region_code  char(12) not null references regions(code),
  primary key (event_id, region_code)
);

-- One 初报 / 续报 / 核报 of one region (village, or a town reporting for itself) with the national indicators.
create table disaster_reports (
  id            uuid primary key,
  event_id      uuid not null references disaster_events(id) on delete cascade,
  region_code   char(12) not null references regions(code),
  level         text not null check (level in ('village', 'town')),
  stage         text not null check (stage in ('initial', 'update', 'final')),
  status        text not null check (status in ('submitted', 'town_approved', 'approved', 'returned')),
  as_of         timestamptz not null,        -- the moment the figures describe
  figures       jsonb not null,
  description   text not null default '',
  reporter_id   uuid,
  reporter_name text not null,
  submitted_at  timestamptz not null,
  approved_at   timestamptz,                 -- when it last moved up (town or county approval)
  created_at    timestamptz not null default now()
);
create index disaster_reports_event_idx on disaster_reports (event_id, region_code, as_of desc);

create table disaster_report_events (
  id          uuid primary key,
  report_id   uuid not null references disaster_reports(id) on delete cascade,
  action      text not null,                 -- submit / approve / return / resubmit
  from_status text,
  to_status   text not null,
  note        text,
  actor_id    uuid,
  actor_name  text not null,
  at          timestamptz not null
);
create index disaster_report_events_idx on disaster_report_events (report_id, at);
