-- 救灾资金: allocations county → towns (or departments) → households, distribution records, and the 专项督查 audit
-- that draws a reproducible sample of recipients for home visits and phone checks.
create table relief_allocations (
  id            uuid primary key,
  number        text not null unique,
  parent_id     uuid references relief_allocations(id),   -- a town's share of a county allocation
  event_id      uuid references disaster_events(id),
  region_code   char(12) not null references regions(code), -- the county, or the town receiving the share
  org_id        uuid references organizations(id),          -- a department receiving a share, instead of a town
  recipient     text not null,                              -- 汨水市 / 白塘镇 / 汨水市民政局
  purpose       text not null,
  amount        numeric(14,2) not null check (amount > 0),
  allocated_on  date not null,
  note          text not null default '',
  created_by    uuid,
  created_at    timestamptz not null default now()
);
create index relief_allocations_parent_idx on relief_allocations (parent_id);

create table relief_distributions (
  id             uuid primary key,
  allocation_id  uuid not null references relief_allocations(id),
  region_code    char(12) not null references regions(code),   -- the household's village
  name           text not null,
  id_number      text not null,
  phone          text not null default '',
  amount         numeric(12,2) not null check (amount > 0),
  paid_on        date not null,
  method         text not null check (method in ('signature', 'bank')),
  bank_ref       text,
  created_by     uuid,
  created_at     timestamptz not null default now(),
  unique (allocation_id, id_number)
);
create index relief_distributions_alloc_idx on relief_distributions (allocation_id);

create table relief_audits (
  id             uuid primary key,
  number         text not null unique,
  allocation_id  uuid not null references relief_allocations(id),
  name           text not null,
  seed           text not null,             -- published before the draw; anyone can recompute the sample
  rate_percent   numeric(5,2) not null check (rate_percent > 0 and rate_percent <= 100),
  population     int not null,
  algorithm      text not null,
  drawn_at       timestamptz not null,
  created_by     uuid
);

create table relief_audit_checks (
  audit_id         uuid not null references relief_audits(id) on delete cascade,
  distribution_id  uuid not null references relief_distributions(id),
  position         int not null,
  method           text not null check (method in ('home', 'phone')),
  outcome          text not null default 'pending' check (outcome in ('pending', 'confirmed', 'discrepancy', 'unreachable')),
  finding          text,
  checked_at       timestamptz,
  checked_by       text,
  primary key (audit_id, distribution_id)
);
