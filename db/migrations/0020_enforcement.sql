-- 行政执法 (administrative law enforcement): annual plans, 双随机 draws, inspections with findings,
-- 执法文书 with their 送达, cases (立案 → 结案) with stage deadlines, compulsory measures, 行刑衔接
-- transfers, 举报 tip-offs with rewards, department tallies. Forward-only.
-- Every record that concerns an enterprise keeps its enterprise_id and a snapshot of the facts it was
-- judged on (name, region, sector, subtype), so that statistics never read the registry's tables.

-- 年度监督检查计划: one plan per department and year, planned inspections by sector and month.
create table enforcement_plans (
  id          uuid primary key,
  year        int not null check (year between 2000 and 2100),
  org_id      uuid not null references organizations(id),
  region_code char(12) not null references regions(code),
  name        text not null,
  status      text not null default 'draft' check (status in ('draft','approved')),
  note        text,
  approved_by uuid references accounts(id),
  approved_at timestamptz,
  created_by  uuid references accounts(id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (org_id, year, name)
);
create index enforcement_plans_region_idx on enforcement_plans(region_code bpchar_pattern_ops);

create table enforcement_plan_items (
  id       uuid primary key,
  plan_id  uuid not null references enforcement_plans(id),
  sector   text not null,
  month    int not null check (month between 1 and 12),
  kind     text not null default 'routine' check (kind in ('routine','random','key')), -- 日常 / 双随机 / 重点
  planned  int not null check (planned > 0),
  unique (plan_id, sector, month, kind)
);

-- 执法检查表 (the enforcement domain's own checklists, per sector).
create table enforcement_checklists (
  id         uuid primary key,
  sector     text not null,
  name       text not null,
  items      jsonb not null,           -- [{code, text, basis}]
  created_by uuid references accounts(id),
  created_at timestamptz not null default now()
);

-- 回避: an officer declared related to an enterprise (利害关系) never inspects it.
create table enforcement_avoidances (
  id            uuid primary key,
  officer_id    uuid not null references accounts(id),
  enterprise_id uuid not null references enterprises(id),
  reason        text not null,
  region_code   char(12) not null references regions(code),
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  unique (officer_id, enterprise_id)
);

-- 双随机一公开: a draw keeps exactly what it was computed from (seed, ordered pool, officer pool,
-- exclusions) and what came out, so that anyone can recompute it. A redraw is a new draw pointing back.
create table enforcement_draws (
  id            uuid primary key,
  number        text not null unique,          -- SJ-2022-001
  plan_id       uuid references enforcement_plans(id),
  org_id        uuid references organizations(id),
  region_code   char(12) not null references regions(code),
  title         text not null,
  matter        text not null,                 -- 抽查事项
  status        text not null default 'drawn' check (status in ('drawn','published','superseded')),
  criteria      jsonb not null,                -- {sectors, regionCode, riskLevels, mode, ratio|count, riskRates|riskWeights, officersPerUnit}
  seed          text not null,
  algorithm     text not null,
  pool          jsonb not null,                -- [{code, id, name, regionCode, sector, riskLevel}] ordered by code
  officer_pool  jsonb not null,                -- [{certNo, id, name}] ordered by certNo
  exclusions    jsonb not null,                -- [{unit, officer, reason}]
  result        jsonb not null,                -- [{unit, officers: [certNo…]}] in draw order
  result_hash   text not null,
  rule_version  text not null,
  drawn_at      timestamptz not null,
  drawn_by      uuid references accounts(id),
  drawn_by_name text not null,
  publish_due   date not null,
  published_at  timestamptz,
  redraw_of     uuid references enforcement_draws(id),
  redraw_reason text,
  created_at    timestamptz not null default now(),
  check (redraw_of is null or redraw_reason is not null)
);
create index enforcement_draws_region_idx on enforcement_draws(region_code bpchar_pattern_ops);

-- The drawn units (one row per unit), for lists and for the inspection that follows.
create table enforcement_draw_units (
  draw_id       uuid not null references enforcement_draws(id),
  enterprise_id uuid not null references enterprises(id),
  position      int not null,
  enterprise_name text not null,
  region_code   char(12) not null,
  officer_ids   uuid[] not null,
  primary key (draw_id, enterprise_id)
);

-- 现场检查: by plan, draw, campaign, tip-off or ad hoc; at least two certified officers.
create table enforcement_inspections (
  id            uuid primary key,
  number        text not null unique,          -- JC-2022-000001
  origin        text not null check (origin in ('plan','draw','campaign','tipoff','adhoc')),
  plan_id       uuid references enforcement_plans(id),
  draw_id       uuid references enforcement_draws(id),
  campaign_id   uuid references campaigns(id),
  tipoff_id     uuid,
  org_id        uuid references organizations(id),
  enterprise_id uuid references enterprises(id),
  unit_name     text not null,
  unit_address  text,
  unit_credit_code text,
  unit_legal_rep text,
  region_code   char(12) not null references regions(code),
  sector        text,
  subtype       text,
  status        text not null default 'planned' check (status in ('planned','on_site','completed','cancelled')),
  planned_on    date,
  started_at    timestamptz,
  ended_at      timestamptz,
  checklist_id  uuid references enforcement_checklists(id),
  results       jsonb not null default '[]',   -- [{code, text, ok, note, photos}]
  summary       text,
  photos        uuid[] not null default '{}',
  signature_file_id uuid references files(id),
  signer_name   text,
  refusal_note  text,
  cancel_reason text,
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  -- the API asks for the signature as a file (or a refusal note); records taken over from paper keep the signer's name
  check (status <> 'completed' or signature_file_id is not null or refusal_note is not null or signer_name is not null)
);
create index enforcement_inspections_region_idx on enforcement_inspections(region_code bpchar_pattern_ops);
create index enforcement_inspections_enterprise_idx on enforcement_inspections(enterprise_id, ended_at desc);
create index enforcement_inspections_plan_idx on enforcement_inspections(plan_id);

create table enforcement_inspection_officers (
  inspection_id uuid not null references enforcement_inspections(id),
  officer_id    uuid not null references accounts(id),
  officer_name  text not null,
  cert_no       text not null,
  position      int not null,
  primary key (inspection_id, officer_id)
);
create index enforcement_inspection_officers_officer_idx on enforcement_inspection_officers(officer_id);

-- A finding is a hazard of the hazard domain, made in the inspection's transaction.
create table enforcement_findings (
  id            uuid primary key,
  inspection_id uuid not null references enforcement_inspections(id),
  hazard_id     uuid not null references hazards(id),
  hazard_number text not null,
  item_code     text,
  title         text not null,
  level         text not null check (level in ('general','major')),
  basis         text,
  created_at    timestamptz not null default now()
);
create index enforcement_findings_inspection_idx on enforcement_findings(inspection_id);
