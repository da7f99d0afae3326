-- 应急资源 (emergency resources) of the command domain: rescue teams and their members, experts, warehouses with a
-- supplies catalogue, stock lines, batches and the stock ledger, shelters, equipment and vehicles. Every resource
-- that sits somewhere carries region_code and lng/lat; (lat, lng) indexes serve the nearest-resource bounding box.
-- Forward-only.

-- 救援队伍
create table resource_teams (
  id               uuid primary key,
  name             text not null,
  kind             text not null check (kind in ('professional','fire','forest_fire','flood','hazchem','mine','town','village','social')),
  owner_org_id     uuid references organizations(id),
  enterprise_id    uuid references enterprises(id),
  region_code      char(12) not null references regions(code),
  address          text,
  lng              double precision,
  lat              double precision,
  leader           text,
  leader_phone     text,
  -- 编制人数: fewer members than this counts as under strength in the readiness overview.
  planned_strength integer not null default 0 check (planned_strength >= 0),
  specialities     text[] not null default '{}',
  equipment_note   text,
  readiness        text not null default 'ready' check (readiness in ('ready','dispatched','off_duty')),
  note             text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check ((lng is null) = (lat is null))
);
create index resource_teams_region_idx on resource_teams(region_code bpchar_pattern_ops);
create index resource_teams_geo_idx on resource_teams(lat, lng);
create index resource_teams_org_idx on resource_teams(owner_org_id) where owner_org_id is not null;

-- 队员: certificates are [{ name, no, expiresOn }].
create table resource_team_members (
  id            uuid primary key,
  team_id       uuid not null references resource_teams(id) on delete cascade,
  name          text not null,
  role          text,
  phone         text,
  certificates  jsonb not null default '[]',
  created_at    timestamptz not null default now()
);
create index resource_team_members_team_idx on resource_team_members(team_id);

-- 专家
create table resource_experts (
  id            uuid primary key,
  name          text not null,
  fields        text[] not null default '{}',
  title         text,
  unit          text,
  phone         text,
  region_code   char(12) not null references regions(code),
  lng           double precision,
  lat           double precision,
  available     boolean not null default true,
  note          text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check ((lng is null) = (lat is null))
);
create index resource_experts_region_idx on resource_experts(region_code bpchar_pattern_ops);
create index resource_experts_geo_idx on resource_experts(lat, lng);

-- 储备库
create table resource_warehouses (
  id            uuid primary key,
  name          text not null unique,
  level         text not null check (level in ('county','town','enterprise')),
  owner_org_id  uuid references organizations(id),
  region_code   char(12) not null references regions(code),
  address       text,
  lng           double precision,
  lat           double precision,
  keeper        text,
  keeper_phone  text,
  area_m2       double precision,
  note          text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check ((lng is null) = (lat is null))
);
create index resource_warehouses_region_idx on resource_warehouses(region_code bpchar_pattern_ops);
create index resource_warehouses_geo_idx on resource_warehouses(lat, lng);

-- 物资目录
create table resource_items (
  id          uuid primary key,
  name        text not null,
  spec        text not null default '',
  unit        text not null,
  category    text not null check (category in ('flood','fire','hazchem','rescue','living','medical','power','other')),
  created_at  timestamptz not null default now(),
  unique (name, spec)
);

-- 库存: one line per warehouse and item. The quantity can never go below zero (the service checks first,
-- the constraint holds under concurrent outbounds).
create table resource_stock (
  id            uuid primary key,
  warehouse_id  uuid not null references resource_warehouses(id),
  item_id       uuid not null references resource_items(id),
  quantity      numeric(14,2) not null default 0 check (quantity >= 0),
  min_level     numeric(14,2) not null default 0 check (min_level >= 0),
  updated_at    timestamptz not null default now(),
  unique (warehouse_id, item_id)
);
create index resource_stock_item_idx on resource_stock(item_id);

-- 批次: what is in a stock line, by expiry; outbounds take the earliest expiry first. Sum = the line's quantity.
create table resource_stock_batches (
  id            uuid primary key,
  stock_id      uuid not null references resource_stock(id),
  batch_no      text,
  quantity      numeric(14,2) not null check (quantity >= 0),
  expires_on    date,
  received_on   date not null,
  created_at    timestamptz not null default now()
);
create index resource_stock_batches_stock_idx on resource_stock_batches(stock_id) where quantity > 0;
create index resource_stock_batches_expiry_idx on resource_stock_batches(expires_on) where quantity > 0 and expires_on is not null;

-- 出入库台账: every movement, signed, with the balance after it; a transfer is two lines sharing transfer_id.
create table resource_stock_ledger (
  id             uuid primary key,
  seq            bigserial not null unique,
  stock_id       uuid not null references resource_stock(id),
  warehouse_id   uuid not null references resource_warehouses(id),
  item_id        uuid not null references resource_items(id),
  kind           text not null check (kind in ('inbound','outbound','transfer_out','transfer_in','adjust')),
  quantity       numeric(14,2) not null,
  balance_after  numeric(14,2) not null check (balance_after >= 0),
  reason         text not null,
  ref_type       text,
  ref_id         text,
  transfer_id    uuid,
  actor_id       uuid,
  actor_name     text not null,
  at             timestamptz not null default now(),
  check (kind = 'adjust' or quantity <> 0),
  check ((kind in ('transfer_out','transfer_in')) = (transfer_id is not null))
);
create index resource_stock_ledger_stock_idx on resource_stock_ledger(stock_id, seq);
create index resource_stock_ledger_warehouse_idx on resource_stock_ledger(warehouse_id, seq desc);
create index resource_stock_ledger_ref_idx on resource_stock_ledger(ref_type, ref_id) where ref_id is not null;

-- 避难场所
create table resource_shelters (
  id            uuid primary key,
  name          text not null,
  kind          text not null check (kind in ('indoor','outdoor','both')),
  region_code   char(12) not null references regions(code),
  address       text,
  lng           double precision,
  lat           double precision,
  capacity      integer not null check (capacity >= 0),
  occupancy     integer not null default 0 check (occupancy >= 0),
  area_m2       double precision,
  facilities    text[] not null default '{}',
  manager       text,
  manager_phone text,
  note          text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check ((lng is null) = (lat is null))
);
create index resource_shelters_region_idx on resource_shelters(region_code bpchar_pattern_ops);
create index resource_shelters_geo_idx on resource_shelters(lat, lng);

-- 装备车辆
create table resource_equipment (
  id            uuid primary key,
  name          text not null,
  kind          text not null check (kind in ('vehicle','heavy','pump','generator','boat','drone','lighting','detector','other')),
  model         text,
  plate_no      text,
  quantity      integer not null default 1 check (quantity >= 0),
  status        text not null default 'ready' check (status in ('ready','in_use','repair','retired')),
  owner_team_id uuid references resource_teams(id),
  owner_org_id  uuid references organizations(id),
  region_code   char(12) not null references regions(code),
  address       text,
  lng           double precision,
  lat           double precision,
  keeper        text,
  keeper_phone  text,
  note          text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check ((lng is null) = (lat is null))
);
create index resource_equipment_region_idx on resource_equipment(region_code bpchar_pattern_ops);
create index resource_equipment_geo_idx on resource_equipment(lat, lng);
create index resource_equipment_team_idx on resource_equipment(owner_team_id) where owner_team_id is not null;
