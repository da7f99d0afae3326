-- 行政执法, part 2: cases (案件) and their trail, compulsory measures, 行刑衔接 transfers, 举报,
-- 执法文书 with 送达, stage deadlines, department tallies.

-- 举报 (tip-offs). The tracking code is shown once to the reporter; only its hash is kept.
create table enforcement_tipoffs (
  id            uuid primary key,
  number        text not null unique,          -- JB-2022-000001
  tracking_hash text not null unique,
  channel       text not null check (channel in ('web','phone','letter','visit')),
  anonymous     boolean not null,
  reporter_name text,
  reporter_phone text,
  category      text not null check (category in ('violation','hazard','concealment','other')),
  subject_name  text not null,
  subject_address text,
  enterprise_id uuid references enterprises(id),
  region_code   char(12) not null references regions(code),
  content       text not null,
  status        text not null default 'received' check (status in ('received','assigned','verified','replied','rejected')),
  received_at   timestamptz not null,
  reply_due     date not null,
  assigned_org_id uuid references organizations(id),
  assignee_id   uuid references accounts(id),
  assigned_at   timestamptz,
  verify_result text check (verify_result in ('substantiated','partly','unsubstantiated')),
  verify_note   text,
  verified_at   timestamptz,
  reply         text,                          -- what the reporter reads with the tracking code
  replied_at    timestamptz,
  case_id       uuid,
  rule_version  text not null,
  created_by    uuid references accounts(id),
  check (anonymous or reporter_name is not null)
);
create index enforcement_tipoffs_region_idx on enforcement_tipoffs(region_code bpchar_pattern_ops);
alter table enforcement_inspections add constraint enforcement_inspections_tipoff_fk foreign key (tipoff_id) references enforcement_tipoffs(id);

-- Proof-of-work challenges for the public intake: single use, short-lived.
create table enforcement_challenges (
  id          uuid primary key,
  salt        text not null,
  bits        int not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index enforcement_challenges_expiry_idx on enforcement_challenges(expires_at);

-- 举报奖励: one per tip-off.
create table enforcement_rewards (
  id           uuid primary key,
  tipoff_id    uuid not null unique references enforcement_tipoffs(id),
  basis        text not null,                  -- how the amount was computed
  fine         numeric,
  amount       numeric not null check (amount >= 0),
  rule_version text not null,
  status       text not null default 'approved' check (status in ('approved','paid')),
  approved_by  uuid references accounts(id),
  approved_at  timestamptz not null,
  paid_at      timestamptz,
  paid_note    text
);

-- 案件: 立案 with approval → 调查取证 → 告知 → (听证) → 决定 → 送达 → 执行 → 结案.
create table enforcement_cases (
  id            uuid primary key,
  number        text unique,                   -- 案号, given on approval: （汨）应急立〔2022〕1号
  status        text not null check (status in ('filing','not_filed','investigating','notified','hearing','heard','decided','executing','enforcing','closed')),
  source        text not null check (source in ('inspection','tipoff','transfer','other')),
  inspection_id uuid references enforcement_inspections(id),
  tipoff_id     uuid references enforcement_tipoffs(id),
  org_id        uuid references organizations(id),
  enterprise_id uuid references enterprises(id),
  party_kind    text not null check (party_kind in ('org','person')),
  party_name    text not null,
  party_address text,
  party_credit_code text,
  party_legal_rep text,
  region_code   char(12) not null references regions(code),
  sector        text,
  subtype       text,
  cause         text not null,                 -- 案由
  facts         text,                          -- 违法事实
  requested_at  timestamptz not null,
  filed_at      timestamptz,
  filing_opinion text,
  notified_at   timestamptz,
  proposal      jsonb,                         -- 拟处罚: {kinds, fine, basis}
  hearing_eligible boolean,
  hearing_requested_at timestamptz,
  hearing_on    date,
  hearing_held_at timestamptz,
  waived        boolean not null default false,
  decided_at    timestamptz,
  decision      jsonb,                         -- {kinds, fine, confiscation, suspensionDays, basis, facts}
  fine          numeric not null default 0,
  served_at     timestamptz,
  payment_due   date,
  paid_at       timestamptz,
  paid_amount   numeric,
  surcharge_paid numeric,
  reminded_at   timestamptz,
  enforcement_applied_at timestamptz,
  closed_at     timestamptz,
  closing_note  text,
  rule_version  text not null,
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index enforcement_cases_region_idx on enforcement_cases(region_code bpchar_pattern_ops);
create index enforcement_cases_enterprise_idx on enforcement_cases(enterprise_id);
alter table enforcement_tipoffs add constraint enforcement_tipoffs_case_fk foreign key (case_id) references enforcement_cases(id);

create table enforcement_case_officers (
  case_id      uuid not null references enforcement_cases(id),
  officer_id   uuid not null references accounts(id),
  officer_name text not null,
  cert_no      text not null,
  position     int not null,
  primary key (case_id, officer_id)
);

-- The trail of a case: every move, evidence item and statement, with who and when.
create table enforcement_case_events (
  id          uuid primary key,
  case_id     uuid not null references enforcement_cases(id),
  at          timestamptz not null,
  actor_id    uuid references accounts(id),
  actor_name  text not null,
  action      text not null,
  from_status text,
  to_status   text,
  comment     text,
  files       uuid[] not null default '{}',
  data        jsonb
);
create index enforcement_case_events_case_idx on enforcement_case_events(case_id, at);

-- 强制措施 and 现场处理措施: 停电、停供、停业、停工、停用、查封、扣押, and 关闭 (取缔).
create table enforcement_measures (
  id            uuid primary key,
  kind          text not null check (kind in ('power_cut','supply_cut','suspend_business','stop_work','stop_use','seal','seize','closure')),
  case_id       uuid references enforcement_cases(id),
  inspection_id uuid references enforcement_inspections(id),
  org_id        uuid references organizations(id),
  enterprise_id uuid references enterprises(id),
  party_name    text not null,
  region_code   char(12) not null references regions(code),
  sector        text,
  subtype       text,
  reason        text not null,
  basis         text,
  items         jsonb not null default '[]',   -- seized or sealed things: [{name, quantity, unit}]
  decided_at    timestamptz not null,
  due_on        date,                          -- 查封、扣押 period end
  lifted_at     timestamptz,
  lift_reason   text,
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now()
);
create index enforcement_measures_region_idx on enforcement_measures(region_code bpchar_pattern_ops);
create index enforcement_measures_enterprise_idx on enforcement_measures(enterprise_id);

-- 行刑衔接: report → 负责人 decision (3 日) → transfer to 公安 (24 小时) → police decision.
create table enforcement_transfers (
  id            uuid primary key,
  case_id       uuid references enforcement_cases(id),
  org_id        uuid references organizations(id),
  enterprise_id uuid references enterprises(id),
  party_name    text not null,
  region_code   char(12) not null references regions(code),
  suspected_offence text not null,
  facts         text not null,
  team          text not null,                 -- 专案组 (≥2 执法人员)
  status        text not null check (status in ('reported','refused','approved','transferred','accepted','declined')),
  reported_at   timestamptz not null,
  decided_at    timestamptz,
  decision_note text,
  transferred_at timestamptz,
  police_org    text,
  police_decided_at timestamptz,
  police_note   text,
  persons_detained int not null default 0,      -- 行政拘留 / 刑事拘留 persons, as the police report
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now()
);
create index enforcement_transfers_region_idx on enforcement_transfers(region_code bpchar_pattern_ops);

-- 执法文书: numbered per 文号 abbreviation and year, filled from the records (fields is what was printed).
create table enforcement_documents (
  id            uuid primary key,
  kind          text not null,
  number        text unique,                   -- （汨）应急罚〔2022〕12号; null for forms without 文号
  year          int not null,
  seq           int,
  title         text not null,
  org_id        uuid references organizations(id),
  enterprise_id uuid references enterprises(id),
  party_name    text not null,
  region_code   char(12) not null references regions(code),
  sector        text,
  inspection_id uuid references enforcement_inspections(id),
  case_id       uuid references enforcement_cases(id),
  measure_id    uuid references enforcement_measures(id),
  transfer_id   uuid references enforcement_transfers(id),
  fields        jsonb not null,
  issued_at     timestamptz not null,
  issued_by     uuid references accounts(id),
  issued_by_name text not null,
  created_at    timestamptz not null default now()
);
create index enforcement_documents_region_idx on enforcement_documents(region_code bpchar_pattern_ops);
create index enforcement_documents_case_idx on enforcement_documents(case_id);
create index enforcement_documents_inspection_idx on enforcement_documents(inspection_id);

-- 送达: how and when a document reached the party, with the signature or a refusal and a witness.
create table enforcement_services (
  id            uuid primary key,
  document_id   uuid not null references enforcement_documents(id),
  method        text not null check (method in ('direct','left','mail','electronic','entrusted','announcement')),
  served_at     timestamptz not null,
  recipient     text not null,
  signature_file_id uuid references files(id),
  refusal_note  text,
  witness       text,
  note          text,
  recorded_by   uuid references accounts(id),
  recorded_by_name text not null,
  created_at    timestamptz not null default now()
);
create index enforcement_services_document_idx on enforcement_services(document_id);

-- Stage deadlines of cases, measures, transfers, draws and tip-offs: one table, one warning scan.
create table enforcement_deadlines (
  id           uuid primary key,
  subject_type text not null check (subject_type in ('case','measure','transfer','draw','tipoff')),
  subject_id   uuid not null,
  kind         text not null,
  label        text not null,
  due_on       date not null,
  basis        text not null,                  -- the rule and article it was computed by
  region_code  char(12) not null,
  org_id       uuid,
  status       text not null default 'open' check (status in ('open','met','cancelled')),
  met_at       timestamptz,
  warned_at    timestamptz,
  overdue_notified_at timestamptz,
  created_at   timestamptz not null default now(),
  unique (subject_type, subject_id, kind)
);
create index enforcement_deadlines_open_idx on enforcement_deadlines(due_on) where status = 'open';

-- 部门执法统计: tallies a department reports for a period (e.g. 交警 查处交通违法行为 10992 起).
create table enforcement_tallies (
  id           uuid primary key,
  org_id       uuid not null references organizations(id),
  region_code  char(12) not null references regions(code),
  period_from  date not null,
  period_to    date not null,
  item         text not null,
  quantity     numeric not null check (quantity >= 0),
  unit         text not null,
  note         text,
  created_by   uuid references accounts(id),
  created_at   timestamptz not null default now(),
  check (period_to >= period_from)
);
create index enforcement_tallies_period_idx on enforcement_tallies(period_from, period_to);
