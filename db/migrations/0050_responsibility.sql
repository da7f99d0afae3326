-- 责任体系 and 督查督办: the safety committee's members and meetings, responsibility letters (安全生产责任状),
-- responsibility lists (责任清单), supervision campaigns, and the tracked tasks that meeting decisions and
-- supervision campaigns hand to units. Forward-only.

-- Member units of the 安委会 and its 专业委员会 (committees are organisations of kind committee / professional_committee).
create table committee_members (
  id            uuid primary key,
  committee_id  uuid not null references organizations(id),
  org_id        uuid not null references organizations(id),
  role          text not null check (role in ('lead','member')),   -- 牵头单位 / 成员单位
  contact_name  text,
  contact_phone text,
  duties        text,
  unique (committee_id, org_id)
);
create index committee_members_org_idx on committee_members(org_id);

create table committee_meetings (
  id           uuid primary key,
  committee_id uuid not null references organizations(id),
  held_on      date not null,
  title        text not null,
  place        text,
  attendees    text,
  minutes      text not null,                                     -- 会议纪要
  created_by   uuid references accounts(id),
  created_at   timestamptz not null default now()
);
create index committee_meetings_idx on committee_meetings(committee_id, held_on);

-- 督查督办 campaigns. hazard_campaign_id optionally names the hazards domain's 专项行动 whose hazards are this
-- campaign's findings (see server/domains/responsibility/supervision/campaigns.service.ts).
create table supervision_campaigns (
  id           uuid primary key,
  number       text not null unique,
  kind         text not null check (kind in ('comprehensive','special','unannounced','illegal')),
  title        text not null,
  period_from  date not null,
  period_to    date not null,
  scope_text   text not null,                                     -- 督查范围
  teams        text not null,                                     -- 督查组
  region_code  char(12) not null references regions(code),
  hazard_campaign_id uuid references campaigns(id),
  summary      text,
  created_by   uuid references accounts(id),
  created_at   timestamptz not null default now(),
  check (period_to >= period_from)
);

-- One tracked task (督办事项): from a committee meeting's decision or a supervision campaign, assigned to a unit.
create table resp_tasks (
  id            uuid primary key,
  source        text not null check (source in ('decision','supervision')),
  meeting_id    uuid references committee_meetings(id),
  campaign_id   uuid references supervision_campaigns(id),
  title         text not null,
  detail        text,
  assignee_org_id uuid not null references organizations(id),
  assignee_name text not null,
  region_code   char(12) not null references regions(code),       -- the assignee's region: town accounts see their town's tasks
  due_on        date not null,
  status        text not null default 'open' check (status in ('open','answered','done')),
  feedback      text,
  feedback_files uuid[] not null default '{}',
  feedback_at   timestamptz,
  feedback_by_name text,
  done_at       timestamptz,
  reminded_at   timestamptz,                                      -- the day-before reminder was sent
  escalated_at  timestamptz,                                      -- overdue: reported to the bureau
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  check ((source = 'decision') = (meeting_id is not null)),
  check ((source = 'supervision') = (campaign_id is not null))
);
create index resp_tasks_region_idx on resp_tasks(region_code bpchar_pattern_ops);
create index resp_tasks_org_idx on resp_tasks(assignee_org_id);
create index resp_tasks_due_idx on resp_tasks(due_on) where status = 'open';
create index resp_tasks_campaign_idx on resp_tasks(campaign_id);
create index resp_tasks_meeting_idx on resp_tasks(meeting_id);

-- 安全生产责任状: one per year and signer; signed_on null = not yet signed.
create table pledges (
  id             uuid primary key,
  year           int not null check (year between 2000 and 2100),
  signer_kind    text not null check (signer_kind in ('park_unit','town','key_enterprise','other')),
  signer_org_id  uuid references organizations(id),
  signer_enterprise_id uuid references enterprises(id),
  signer_name    text not null,
  issuer_name    text not null,                                   -- 与谁签订 (市政府 / 市安委会)
  region_code    char(12) not null references regions(code),
  targets        text not null,                                   -- 目标任务
  signed_on      date,
  file_id        uuid references files(id),
  created_by     uuid references accounts(id),
  created_at     timestamptz not null default now(),
  -- a municipal unit not kept as an organisation here signs by name only (neither id)
  check (signer_org_id is null or signer_enterprise_id is null)
);
create unique index pledges_name_year on pledges(year, signer_name);
create unique index pledges_org_year on pledges(year, signer_org_id) where signer_org_id is not null;
create unique index pledges_ent_year on pledges(year, signer_enterprise_id) where signer_enterprise_id is not null;
create index pledges_region_idx on pledges(region_code bpchar_pattern_ops);

-- 责任清单: a department's (post null) or a post's duties under 三个必须, with the legal basis.
create table duty_items (
  id           uuid primary key,
  org_id       uuid not null references organizations(id),
  region_code  char(12) not null references regions(code),
  year         int not null check (year between 2000 and 2100),
  post         text,                                              -- 岗位 (局长, 分管副局长 …); null = the department
  principle    text not null check (principle in ('industry','business','production','party')),
  duty         text not null,
  legal_basis  text not null,
  enforcement_plan_id uuid,                                       -- the department's annual enforcement plan (enforcement domain)
  sort         int not null default 0,
  created_by   uuid references accounts(id),
  created_at   timestamptz not null default now()
);
create index duty_items_org_idx on duty_items(org_id, year);
