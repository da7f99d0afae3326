-- 宣传教育培训与应急演练 (publicity, education, training and drills), issue #9's second half.
-- Activities the bureau and the towns record themselves, with the material counts the report uses; training
-- sessions and the certificates of the trained (enterprise principals, safety managers, special operators:
-- 三项岗位人员); and the detail that #9 asks of a drill (scenario, timeline, evaluation, problems found) on top
-- of the drills the plans part already records (command_plan_drills). Forward-only.

create table outreach_activities (
  id            uuid primary key,
  kind          text not null check (kind in ('safety_month','disaster_day','warning_education','study','campus','enterprise','community',
                                              'contest','consultation','other')),
  title         text not null,
  organiser     text not null,
  organiser_org_id uuid references organizations(id),
  region_code   char(12) not null references regions(code),
  place         text not null,
  held_on       date not null,
  participants  int not null default 0 check (participants >= 0),
  rounds        int check (rounds between 1 and 20),           -- 知识竞赛: how many rounds
  vans          int not null default 0 check (vans >= 0),      -- 宣传车 trips
  slogans       int not null default 0 check (slogans >= 0),   -- 标语/横幅
  sms           int not null default 0 check (sms >= 0),       -- 提示短信
  brochures     int not null default 0 check (brochures >= 0), -- 宣传手册
  boards        int not null default 0 check (boards >= 0),    -- 展板
  films         int not null default 0 check (films >= 0),     -- 警示教育片 sessions
  description   text,
  photos        uuid[] not null default '{}',
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index outreach_activities_held_idx on outreach_activities(held_on desc);
create index outreach_activities_region_idx on outreach_activities(region_code bpchar_pattern_ops);

-- 培训班: one session; its trainees are certificates below.
create table outreach_trainings (
  id            uuid primary key,
  title         text not null,
  organiser     text not null,
  organiser_org_id uuid references organizations(id),
  region_code   char(12) not null references regions(code),
  place         text not null,
  held_on       date not null,
  hours         int not null default 0 check (hours >= 0),
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now()
);
create index outreach_trainings_held_idx on outreach_trainings(held_on desc);

-- A trained person's certificate (安全培训合格证 / 特种作业操作证), linked to their enterprise.
create table outreach_certificates (
  id            uuid primary key,
  training_id   uuid references outreach_trainings(id),
  enterprise_id uuid not null references enterprises(id),
  region_code   char(12) not null references regions(code),
  person_name   text not null,
  post          text not null check (post in ('principal','safety_manager','special_operator')),
  operation     text,            -- 特种作业类别 (电工作业, 焊接与热切割作业 …) for special operators
  certificate_no text not null,
  issued_on     date not null,
  expires_on    date not null check (expires_on > issued_on),
  created_at    timestamptz not null default now(),
  unique (certificate_no)
);
create index outreach_certificates_expiry_idx on outreach_certificates(expires_on);
create index outreach_certificates_enterprise_idx on outreach_certificates(enterprise_id);

-- What #9 adds to a drill: the scenario, its timeline ([{ at: 'HH:MM', text }]), the evaluation.
create table outreach_drill_details (
  drill_id      uuid primary key references command_plan_drills(id),
  scenario      text not null,
  timeline      jsonb not null default '[]',
  score         int check (score between 0 and 100),
  evaluation    text,
  updated_by    uuid references accounts(id),
  updated_at    timestamptz not null default now()
);

-- Problems a drill found: each becomes a tracked task (owner unit, due date, done) or a hazard (hazards domain).
create table outreach_drill_problems (
  id            uuid primary key,
  drill_id      uuid not null references command_plan_drills(id),
  region_code   char(12) not null references regions(code),
  description   text not null,
  follow_up     text not null check (follow_up in ('task','hazard')),
  owner         text,
  due_on        date,
  done_at       timestamptz,
  done_note     text,
  hazard_id     uuid references hazards(id),
  created_by    uuid references accounts(id),
  created_at    timestamptz not null default now(),
  check (follow_up <> 'hazard' or hazard_id is not null),
  check (follow_up <> 'task' or (owner is not null and due_on is not null))
);
create index outreach_drill_problems_drill_idx on outreach_drill_problems(drill_id);
