-- Platform tables every domain shares: regions, organisations, accounts, sessions, audit,
-- files, jobs, notifications, settings. Forward-only; never edit once applied.

create extension if not exists pg_trgm;

-- 行政区划 (GB/T 2260 + 12-digit 统计用区划). level: province|city|county|town|village|park
create table regions (
  code        char(12) primary key,
  parent_code char(12) references regions(code),
  name        text not null,
  level       text not null check (level in ('province','city','county','town','village','park')),
  sort        int not null default 0,
  -- boundary as GeoJSON (Polygon/MultiPolygon) for maps that need no tile server
  boundary    jsonb,
  center_lng  double precision,
  center_lat  double precision,
  created_at  timestamptz not null default now()
);
create index regions_parent_idx on regions(parent_code);

-- 组织机构: bureau, departments, town governments and their 应急站, parks, committees, rescue teams
create table organizations (
  id          uuid primary key,
  parent_id   uuid references organizations(id),
  name        text not null,
  short_name  text,
  kind        text not null check (kind in ('bureau','department','town_gov','town_station','park','committee','professional_committee','rescue_team','other')),
  region_code char(12) not null references regions(code),
  credit_code text,
  contact     text,
  phone       text,
  sort        int not null default 0,
  disabled    boolean not null default false,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index organizations_parent_idx on organizations(parent_id);
create index organizations_region_idx on organizations(region_code);

-- The enterprise is the hub of 一企一档; the registry issue extends this table.
create table enterprises (
  id          uuid primary key,
  name        text not null,
  credit_code text unique,
  region_code char(12) not null references regions(code),
  industry    text,
  address     text,
  supervising_org_id uuid references organizations(id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index enterprises_region_idx on enterprises(region_code);

create table accounts (
  id              uuid primary key,
  username        text not null,
  display_name    text not null,
  phone           text,
  roles           text[] not null,
  org_id          uuid references organizations(id),
  -- data scope: all | region (subtree) | org (a department's records) | enterprise (one)
  scope_kind      text not null check (scope_kind in ('all','region','org','enterprise')),
  scope_region_code char(12) references regions(code),
  scope_org_id    uuid references organizations(id),
  scope_enterprise_id uuid references enterprises(id),
  enforcement_cert_no text,            -- 执法证号, law-enforcement officers only
  password_hash   text not null,
  password_changed_at timestamptz not null default now(),
  must_change_password boolean not null default true,
  password_history text[] not null default '{}',
  is_demo         boolean not null default false,
  disabled        boolean not null default false,
  failed_logins   int not null default 0,
  locked_until    timestamptz,
  last_login_at   timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (scope_kind <> 'region' or scope_region_code is not null),
  check (scope_kind <> 'org' or scope_org_id is not null),
  check (scope_kind <> 'enterprise' or scope_enterprise_id is not null)
);
create unique index accounts_username_idx on accounts(lower(username));

create table sessions (
  id            uuid primary key,
  token_hash    text not null unique,
  account_id    uuid not null references accounts(id),
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  revoked_reason text,
  ip            text,
  user_agent    text
);
create index sessions_account_idx on sessions(account_id);

-- API keys for devices and external systems, stored hashed.
create table api_keys (
  id          uuid primary key,
  name        text not null,
  key_hash    text not null unique,
  prefix      text not null,
  permissions text[] not null,
  scope_kind  text not null default 'all',
  scope_region_code char(12),
  scope_org_id uuid,
  scope_enterprise_id uuid,
  created_by  uuid references accounts(id),
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);

-- 审计: append-only, chained with HMAC-SM3 (key outside the database).
create table audit_log (
  seq         bigint primary key,
  id          uuid not null unique,
  at          timestamptz not null,
  actor_id    uuid,
  actor_name  text,
  action      text not null,
  entity_type text not null,
  entity_id   text,
  region_code char(12),
  before      jsonb,
  after       jsonb,
  request_id  text,
  ip          text,
  prev_hash   text not null,
  hash        text not null
);
create index audit_log_entity_idx on audit_log(entity_type, entity_id);
create index audit_log_actor_idx on audit_log(actor_id);
create index audit_log_at_idx on audit_log(at);

-- The application can only append to the trail; edits and deletions are refused by the database.
create function audit_log_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_immutable();

-- 附件: content-addressed blobs under DATA_DIR/files; this row carries the scope.
create table files (
  id            uuid primary key,
  sha256        text not null,
  size          bigint not null,
  mime          text not null,
  name          text not null,
  region_code   char(12) references regions(code),
  org_id        uuid references organizations(id),
  enterprise_id uuid references enterprises(id),
  uploaded_by   uuid references accounts(id),
  created_at    timestamptz not null default now()
);
create index files_region_idx on files(region_code);

-- Durable jobs: retried with backoff; one leader runs the schedule.
create table jobs (
  id          uuid primary key,
  kind        text not null,
  payload     jsonb not null default '{}',
  status      text not null default 'queued' check (status in ('queued','running','done','failed')),
  run_at      timestamptz not null default now(),
  attempts    int not null default 0,
  max_attempts int not null default 8,
  last_error  text,
  locked_until timestamptz,
  created_at  timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due_idx on jobs(run_at) where status in ('queued','running');

create table job_schedules (
  name        text primary key,
  next_run_at timestamptz not null,
  last_run_at timestamptz
);

-- Notification outbox and in-app inbox; delivery and acknowledgement (叫应) recorded per message.
create table notifications (
  id            uuid primary key,
  account_id    uuid references accounts(id),
  channel       text not null check (channel in ('inapp','sms','email','webhook')),
  address       text,
  title         text not null,
  body          text not null,
  link          text,
  region_code   char(12),
  ack_required  boolean not null default false,
  status        text not null default 'pending' check (status in ('pending','sent','failed')),
  attempts      int not null default 0,
  last_error    text,
  created_at    timestamptz not null default now(),
  sent_at       timestamptz,
  read_at       timestamptz,
  acked_at      timestamptz
);
create index notifications_account_idx on notifications(account_id, created_at desc);

-- Bureau-editable rules (thresholds, time limits) with their source and effective date.
create table settings (
  key         text not null,
  effective_from date not null default '2000-01-01',
  value       jsonb not null,
  source      text,
  note        text,
  updated_at  timestamptz not null default now(),
  primary key (key, effective_from)
);

-- Holiday calendar for legal deadlines counted in working days.
create table calendar_days (
  day         date primary key,
  is_workday  boolean not null,
  note        text
);

-- Human-facing numbers, sequential per year and kind, taken in the record's transaction.
create table number_sequences (
  kind   text not null,
  year   int not null,
  last   int not null,
  primary key (kind, year)
);
