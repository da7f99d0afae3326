-- 突发事件 (incidents) of the emergency-command domain (应急指挥): intake (接报), grading, the response
-- level and its approved changes, the command post (指挥部), tasks with read receipts and feedback,
-- resource dispatch, the timeline every part writes into, and the lessons that must be done before
-- an incident closes. Forward-only. Plans and resources are referenced by id without foreign keys:
-- they belong to other parts of the domain and are read through their directories only.

create table incidents (
  id              uuid primary key,
  number          text not null unique,              -- 事件编号 SJ-2022-0001, per year
  title           text not null,
  source          text not null check (source in ('phone','alarm','tipoff','department','other')),
  source_ref_id   uuid,                              -- the monitoring alarm or enforcement tip-off it came from
  reporter_name   text,
  reporter_phone  text,
  reporter_org    text,
  occurred_at     timestamptz not null,
  reported_at     timestamptz not null,
  address         text not null,
  lng             double precision check (lng between -180 and 180),
  lat             double precision check (lat between -90 and 90),
  region_code     char(12) not null references regions(code),
  kind            text not null,                     -- IncidentKind (server/domains/command/ports.ts)
  enterprise_id   uuid references enterprises(id),
  enterprise_name text,
  dead            int not null default 0 check (dead >= 0),
  injured         int not null default 0 check (injured >= 0),   -- 重伤（含急性工业中毒）
  missing         int not null default 0 check (missing >= 0),
  trapped         int not null default 0 check (trapped >= 0),
  loss_wan        numeric(14,2) not null default 0 check (loss_wan >= 0), -- 直接经济损失（万元）
  relocated       int not null default 0 check (relocated >= 0),       -- 转移安置人数
  description     text not null,
  grade           text not null check (grade in ('especially_major','major','larger','ordinary')),
  grade_rule      text not null,                     -- the threshold that gave the grade, in words
  grade_version   text not null,                     -- the rule version it was judged by
  status          text not null default 'reported' check (status in ('reported','responding','terminated','closed')),
  response_level  smallint check (response_level between 1 and 4),  -- active 响应级别
  plan_id         uuid,
  plan_version_id uuid,
  plan_title      text,
  response_started_at timestamptz,
  response_started_by uuid references accounts(id),
  terminated_at   timestamptz,
  terminated_by   uuid references accounts(id),
  termination_note text,
  investigation   text,                              -- 事故调查
  assessment      text,                              -- 总结评估
  closed_at       timestamptz,
  closed_by       uuid references accounts(id),
  created_by      uuid references accounts(id),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index incidents_region_idx on incidents(region_code bpchar_pattern_ops);
create index incidents_reported_idx on incidents(reported_at desc, id);
create index incidents_open_idx on incidents(status) where status <> 'closed';
create index incidents_enterprise_idx on incidents(enterprise_id) where enterprise_id is not null;

-- 时间线: every report, decision, level change, task, feedback, dispatch and message, in time order.
-- Other parts (duty, reports, map) write here through incidents/directory.ts appendTimeline.
create table incident_timeline (
  id          uuid primary key,
  incident_id uuid not null references incidents(id),
  at          timestamptz not null,
  kind        text not null,        -- report, grade, plan, decision, level, post, task, feedback, dispatch, message, report_up, close …
  text        text not null,
  ref_type    text,
  ref_id      uuid,
  actor_id    uuid references accounts(id),
  actor_name  text,
  created_at  timestamptz not null default now()
);
create index incident_timeline_idx on incident_timeline(incident_id, at, id);

-- 响应级别变更: starting (by a leader), raising or lowering (proposed, then approved or rejected by someone else).
create table incident_level_changes (
  id           uuid primary key,
  incident_id  uuid not null references incidents(id),
  kind         text not null check (kind in ('start','raise','lower')),
  from_level   smallint check (from_level between 1 and 4),
  to_level     smallint not null check (to_level between 1 and 4),
  reason       text not null,
  status       text not null check (status in ('proposed','approved','rejected')),
  proposed_by  uuid references accounts(id),
  proposed_at  timestamptz not null,
  decided_by   uuid references accounts(id),
  decided_at   timestamptz,
  decision_note text
);
create index incident_level_changes_idx on incident_level_changes(incident_id, proposed_at);
create unique index incident_level_changes_one_open on incident_level_changes(incident_id) where status = 'proposed';

-- 指挥部: roles and working groups (from the plan's organisation) and who holds each.
create table incident_post_roles (
  id           uuid primary key,
  incident_id  uuid not null references incidents(id),
  group_name   text not null,       -- 总指挥部 / 抢险救援组 …
  lead_unit    text,
  lead_org_id  uuid references organizations(id),
  duties       text,
  holder_account_id uuid references accounts(id),
  holder_name  text,
  holder_phone text,
  sort         int not null default 0,
  unique (incident_id, group_name)
);

-- 任务: from the plan's actions at the active level (or added by the commander), with read receipts.
create table incident_tasks (
  id           uuid primary key,
  incident_id  uuid not null references incidents(id),
  seq          int not null,
  level        smallint check (level between 1 and 4),
  plan_action_id text,
  group_name   text,
  title        text not null,
  assignee_org_id uuid references organizations(id),
  assignee_account_id uuid references accounts(id),
  assignee_label text,
  due_at       timestamptz,
  status       text not null default 'assigned' check (status in ('assigned','read','submitted','accepted','returned')),
  read_at      timestamptz,
  read_by      uuid references accounts(id),
  accepted_at  timestamptz,
  created_by   uuid references accounts(id),
  created_at   timestamptz not null default now(),
  unique (incident_id, seq),
  unique (incident_id, plan_action_id)
);
create index incident_tasks_org_idx on incident_tasks(assignee_org_id, status);
create index incident_tasks_account_idx on incident_tasks(assignee_account_id, status);

-- 反馈: text, location, photos and files, accepted or sent back by the commander.
create table incident_task_feedback (
  id           uuid primary key,
  task_id      uuid not null references incident_tasks(id),
  incident_id  uuid not null references incidents(id),
  text         text not null,
  lng          double precision,
  lat          double precision,
  file_ids     uuid[] not null default '{}',
  status       text not null default 'submitted' check (status in ('submitted','accepted','returned')),
  review_note  text,
  reviewed_by  uuid references accounts(id),
  reviewed_at  timestamptz,
  created_by   uuid references accounts(id),
  created_at   timestamptz not null
);
create index incident_task_feedback_idx on incident_task_feedback(task_id, created_at);

-- 调度: one record per dispatched resource, dispatched → en route → on scene → released.
create table incident_dispatches (
  id            uuid primary key,
  incident_id   uuid not null references incidents(id),
  resource_kind text not null check (resource_kind in ('team','expert','warehouse','shelter','equipment')),
  resource_id   uuid not null,
  resource_name text not null,
  summary       text,
  distance_m    double precision,
  item_id       uuid,              -- supplies: the stock item taken out of the warehouse
  item_name     text,
  quantity      numeric(14,2),
  ledger_id     uuid,              -- the warehouse ledger line (ResourcesDirectory.stockOut)
  status        text not null default 'dispatched' check (status in ('dispatched','en_route','on_scene','released')),
  dispatched_at timestamptz not null,
  en_route_at   timestamptz,
  on_scene_at   timestamptz,
  released_at   timestamptz,
  note          text,
  created_by    uuid references accounts(id)
);
create index incident_dispatches_idx on incident_dispatches(incident_id, dispatched_at);
create index incident_dispatches_resource_idx on incident_dispatches(resource_id) where status <> 'released';

-- 经验教训: each becomes a hidden hazard (hazards domain) or a plan revision request before the incident closes.
create table incident_lessons (
  id           uuid primary key,
  incident_id  uuid not null references incidents(id),
  text         text not null,
  action       text not null check (action in ('hazard','plan_revision')),
  status       text not null default 'open' check (status in ('open','done')),
  hazard_id    uuid references hazards(id),
  plan_id      uuid,
  revision_note text,
  done_at      timestamptz,
  done_by      uuid references accounts(id),
  created_by   uuid references accounts(id),
  created_at   timestamptz not null
);
create index incident_lessons_idx on incident_lessons(incident_id);
