-- 数字化应急预案 (digital emergency plans): the plan system (总体/专项/部门/乡镇/企业), versions whose content is
-- structured data (response levels with trigger conditions, the command organisation, actions per level),
-- countersign (会签) and approval, enterprise plan filing (备案) with revision reminders, and drills (演练).
-- Forward-only.

create table command_plans (
  id               uuid primary key,
  kind             text not null check (kind in ('overall','special','department','town','enterprise')),
  title            text not null,
  -- who owns it: an organisation (bureau, department, town government) or, for 企业预案, the enterprise
  owner_org_id     uuid references organizations(id),
  enterprise_id    uuid references enterprises(id),
  region_code      char(12) not null references regions(code),
  -- which 突发事件类别 (IncidentKind in server/domains/command/ports.ts) it applies to
  scope_kinds      text[] not null check (cardinality(scope_kinds) > 0),
  published_version_id uuid,
  -- 备案 (enterprise plans): submitted → filed | returned
  filing_status    text check (filing_status in ('submitted','filed','returned')),
  filing_version_id uuid,
  filing_submitted_at timestamptz,
  filing_number    text unique,
  filed_on         date,
  filing_review    text,
  revision_due     date,
  created_by       uuid references accounts(id),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (kind <> 'enterprise' or enterprise_id is not null)
);
create index command_plans_region_idx on command_plans(region_code bpchar_pattern_ops);
create index command_plans_enterprise_idx on command_plans(enterprise_id);
create index command_plans_owner_idx on command_plans(owner_org_id);
create index command_plans_revision_idx on command_plans(revision_due) where filing_status = 'filed';

-- A version: drafting → countersign → approval → published → superseded (returned goes back to drafting).
-- content holds the structured plan (contracts/command-plans.ts PlanContent), validated by the service.
create table command_plan_versions (
  id              uuid primary key,
  plan_id         uuid not null references command_plans(id),
  version_no      int not null check (version_no > 0),
  label           text not null,
  status          text not null default 'drafting' check (status in ('drafting','countersign','approval','published','superseded')),
  content         jsonb not null,
  change_note     text,
  attachment_file_id uuid references files(id),
  submitted_at    timestamptz,
  decided_by      uuid references accounts(id),
  decided_at      timestamptz,
  decision_comment text,
  published_at    timestamptz,
  created_by      uuid references accounts(id),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (plan_id, version_no)
);
-- At most one version of a plan in progress (drafting/countersign/approval) and one published.
create unique index command_plan_versions_open_idx on command_plan_versions(plan_id) where status in ('drafting','countersign','approval');
create unique index command_plan_versions_published_idx on command_plan_versions(plan_id) where status = 'published';

-- Deferred: the demo loader inserts plans before their versions in one transaction, and its reset deletes them in reverse.
alter table command_plans add foreign key (published_version_id) references command_plan_versions(id) deferrable initially deferred;
alter table command_plans add foreign key (filing_version_id) references command_plan_versions(id) deferrable initially deferred;

-- 会签: the units invited to comment on a version, and their opinion.
create table command_plan_countersigns (
  id          uuid primary key,
  version_id  uuid not null references command_plan_versions(id),
  org_id      uuid not null references organizations(id),
  round       int not null default 1,
  opinion     text check (opinion in ('agree','disagree')),
  comment     text,
  signed_by   uuid references accounts(id),
  signed_at   timestamptz,
  invited_at  timestamptz not null default now(),
  unique (version_id, org_id, round)
);

-- 演练: drills held against a plan.
create table command_plan_drills (
  id            uuid primary key,
  plan_id       uuid not null references command_plans(id),
  region_code   char(12) not null references regions(code),
  enterprise_id uuid references enterprises(id),
  drilled_on    date not null,
  kind          text not null check (kind in ('tabletop','live')),
  title         text not null,
  level         int check (level between 1 and 4),
  participants  int not null check (participants >= 0),
  participant_units text,
  evaluation    text,
  problems      text,
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now()
);
create index command_plan_drills_plan_idx on command_plan_drills(plan_id, drilled_on desc);

-- Revision reminders sent, once per (plan, revision due date, days before).
create table command_plan_revision_reminders (
  plan_id      uuid not null references command_plans(id),
  revision_due date not null,
  days_before  int not null,
  sent_at      timestamptz not null,
  primary key (plan_id, revision_due, days_before)
);
