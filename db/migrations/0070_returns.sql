-- 报表填报 (statistical returns) and 约谈 (summons). Forward-only.
-- A return form (报表) is defined by the bureau without code: its fields and checks are versioned
-- (return_form_versions), and a filed return keeps the version it was filed against.

create table return_forms (
  id            uuid primary key,
  code          text not null unique check (code ~ '^[A-Za-z][A-Za-z0-9_-]{1,39}$'),
  name          text not null,
  description   text,
  period_kind   text not null check (period_kind in ('monthly','quarterly','half_yearly','yearly','adhoc')),
  -- obliged units: {"orgKinds": [...], "orgIds": [...], "regionCode": "...", "enterpriseSectors": [...]}
  obliged       jsonb not null,
  due_days      int not null check (due_days between 0 and 365),      -- due on the N-th day after the period ends
  remind_before int[] not null default '{3,1}',                        -- days before the due day
  remind_after  int[] not null default '{1,3,7}',                      -- days after the due day (overdue)
  jump_percent  numeric check (jump_percent is null or jump_percent > 0), -- warn when a figure moves more than this vs the previous period
  status        text not null default 'draft' check (status in ('draft','active','archived')),
  version       int not null default 1,
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

create table return_form_versions (
  form_id    uuid not null references return_forms(id),
  version    int not null,
  fields     jsonb not null,   -- [{key, label, type, unit, required, min, max, options, help}]
  checks     jsonb not null,   -- [{kind: 'sum', target, parts} | {kind: 'lte', left, right}]
  created_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  primary key (form_id, version)
);

-- One return per form, period and obliged unit (an organisation or an enterprise).
create table returns (
  id              uuid primary key,
  form_id         uuid not null references return_forms(id),
  form_version    int not null,
  period          text not null,               -- 2022-01 | 2022-Q1 | 2022-H1 | 2022 | an ad-hoc key
  period_label    text not null,
  period_start    date not null,
  period_end      date not null,
  due_on          date not null,
  unit_id         uuid not null,               -- = org_id or enterprise_id
  org_id          uuid references organizations(id),
  enterprise_id   uuid references enterprises(id),
  unit_name       text not null,
  unit_type       text not null,               -- organisation kind, or 'enterprise'
  region_code     char(12) not null references regions(code),
  status          text not null default 'not_started'
                  check (status in ('not_started','draft','pending_approval','submitted','returned','accepted')),
  data            jsonb not null default '{}',
  warnings        jsonb not null default '[]',
  accepted_values jsonb,                       -- the figures last accepted by the bureau (what aggregates count)
  version         int not null default 0,      -- submissions to the bureau so far
  correction_reason text,                      -- set while an accepted return is being corrected
  filled_by       uuid references accounts(id),
  filled_by_name  text,
  filled_at       timestamptz,
  approved_by     uuid references accounts(id),
  approved_by_name text,
  submitted_at    timestamptz,
  first_submitted_at timestamptz,
  reviewed_by_name text,
  reviewed_at     timestamptz,
  review_comment  text,
  reminded        int[] not null default '{}', -- reminder offsets (days from due) already sent
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (form_id, period, unit_id),
  check ((org_id is null) <> (enterprise_id is null))
);
create index returns_region_idx on returns(region_code bpchar_pattern_ops);
create index returns_org_idx on returns(org_id);
create index returns_enterprise_idx on returns(enterprise_id);
create index returns_due_idx on returns(due_on) where status in ('not_started','draft','pending_approval','returned');
create index returns_form_period_idx on returns(form_id, period);

-- The trail of a return; events carrying "values" are its versions (each submission, each correction).
create table return_events (
  id          uuid primary key,
  return_id   uuid not null references returns(id),
  at          timestamptz not null,
  actor_id    uuid references accounts(id),
  actor_name  text not null,
  action      text not null,
  from_status text,
  to_status   text,
  comment     text,
  version     int,
  form_version int,
  data        jsonb                 -- the figures of that version
);
create index return_events_return_idx on return_events(return_id, at);

-- 约谈: the safety committee (or the bureau) summons a town, department or enterprise.
create table summons (
  id            uuid primary key,
  number        text not null unique,
  target_kind   text not null check (target_kind in ('town','department','enterprise')),
  target_org_id uuid references organizations(id),
  target_enterprise_id uuid references enterprises(id),
  target_name   text not null,
  region_code   char(12) not null references regions(code),
  reason        text not null check (reason in ('accidents','overdue_major_hazards','poor_inspection','other')),
  reason_detail text not null,
  held_at       timestamptz not null,
  place         text not null,
  convened_by   text not null,              -- who summons: 市安委会 / 市应急管理局
  host_name     text not null,              -- who chaired it
  attendees     text not null,
  commitments   text,
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (target_kind = 'enterprise' and target_enterprise_id is not null or target_kind <> 'enterprise' and target_org_id is not null)
);
create index summons_region_idx on summons(region_code bpchar_pattern_ops);
create index summons_held_idx on summons(held_at);

-- Follow-up tasks (整改任务) a summons sets, with deadlines and their completion.
create table summons_tasks (
  id          uuid primary key,
  summons_id  uuid not null references summons(id),
  position    int not null,
  title       text not null,
  due_on      date not null,
  done_at     timestamptz,
  done_note   text,
  done_by_name text,
  unique (summons_id, position)
);
