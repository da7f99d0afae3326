-- 监测预警: facilities, devices and sensors, raw readings with 1-minute and 1-hour rollups, alarms with
-- their workflow trail, and early warnings (预警信息) with their recipients' confirmation (叫应). Forward-only.

-- 监测设施 that are not an enterprise: reservoirs, sluices, mountain-torrent points, rain gauges, river stations.
create table monitoring_facilities (
  id              uuid primary key,
  name            text not null,
  kind            text not null check (kind in ('reservoir','sluice','torrent_point','rain_gauge','river_station','other')),
  region_code     char(12) not null references regions(code),
  lng             double precision,
  lat             double precision,
  -- 特征水位 and the like (汛限水位, 正常蓄水位, 设计洪水位, 警戒水位 …), in metres.
  characteristics jsonb not null default '{}',
  -- 责任人 (e.g. 小型水库 行政/技术/巡查责任人): [{ role, name, phone }]; their phones get alarm SMS.
  responsible     jsonb not null default '[]',
  note            text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index monitoring_facilities_region_idx on monitoring_facilities(region_code bpchar_pattern_ops);

-- 监测设备: belongs to an enterprise (optionally one of its 重大危险源, by id), a facility, or a place.
create table monitoring_devices (
  id              uuid primary key,
  code            text not null unique,              -- 设备编号
  name            text not null,
  model           text,
  enterprise_id   uuid references enterprises(id),
  hazard_source_id uuid references major_hazard_sources(id) on delete set null,
  facility_id     uuid references monitoring_facilities(id),
  place_name      text,
  region_code     char(12) not null references regions(code),
  lng             double precision,
  lat             double precision,
  status          text not null default 'active' check (status in ('active','maintenance','disabled')),
  api_key_id      uuid references api_keys(id),      -- the device's current key (stored hashed in api_keys)
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (num_nonnulls(enterprise_id, facility_id, place_name) = 1),
  check (hazard_source_id is null or enterprise_id is not null)
);
create index monitoring_devices_region_idx on monitoring_devices(region_code bpchar_pattern_ops);
create index monitoring_devices_enterprise_idx on monitoring_devices(enterprise_id) where enterprise_id is not null;
create index monitoring_devices_facility_idx on monitoring_devices(facility_id) where facility_id is not null;
create index monitoring_devices_key_idx on monitoring_devices(api_key_id) where api_key_id is not null;

-- 测点: what a device measures, with its thresholds and the parameters of its alarm rules.
create table monitoring_sensors (
  id              uuid primary key,
  device_id       uuid not null references monitoring_devices(id),
  code            text not null,                     -- the code the device sends (位号, e.g. LT-101)
  name            text not null,
  type            text not null check (type in ('level','temperature','pressure','flow','combustible_gas','toxic_gas',
                    'water_level','rainfall','other')),
  unit            text not null,
  range_min       double precision,
  range_max       double precision,
  low_low         double precision,                  -- 低低限 (二级)
  low             double precision,                  -- 低限 (一级)
  high            double precision,                  -- 高限 (一级)
  high_high       double precision,                  -- 高高限 (二级)
  hysteresis      double precision not null default 0 check (hysteresis >= 0), -- 回差 (死区), in the sensor's unit
  alarm_delay_s   int not null default 0 check (alarm_delay_s >= 0),          -- 报警延时: minimum duration
  rate_limit      double precision check (rate_limit > 0),                    -- 变化率限值, unit per minute
  stuck_after_s   int check (stuck_after_s > 0),                              -- 数值不变超过该时长视为卡死
  expected_interval_s int not null check (expected_interval_s > 0),           -- 上报周期
  enabled         boolean not null default true,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (device_id, code),
  check (range_min is null or range_max is null or range_min < range_max),
  check (low_low is null or low is null or low_low <= low),
  check (low is null or high is null or low < high),
  check (high is null or high_high is null or high <= high_high),
  check (low_low is null or high_high is null or low_low < high_high)
);
create index monitoring_sensors_device_idx on monitoring_sensors(device_id);

-- Raw readings: the natural key (sensor, time) de-duplicates redelivered messages. No foreign key and no second
-- index: the ingester resolves sensor ids from the registry, and retention deletes per sensor through the key.
create table sensor_readings (
  sensor_id uuid not null,
  ts        timestamptz not null,
  value     double precision not null,
  primary key (sensor_id, ts)
);

-- Rollups kept in the ingest transaction from the rows actually inserted (duplicates never count twice).
create table sensor_readings_1m (
  sensor_id uuid not null,
  bucket    timestamptz not null,
  n         int not null,
  sum       double precision not null,
  min       double precision not null,
  max       double precision not null,
  primary key (sensor_id, bucket)
);
create table sensor_readings_1h (like sensor_readings_1m including all);

-- The newest reading of each sensor (live values, offline checks).
create table sensor_latest (
  sensor_id uuid primary key,
  ts        timestamptz not null,
  value     double precision not null
);

-- 报警: raised by a rule on a sensor (or on a device, when offline); one open alarm per sensor and rule.
create table monitoring_alarms (
  id              uuid primary key,
  device_id       uuid not null references monitoring_devices(id),
  sensor_id       uuid references monitoring_sensors(id),
  rule            text not null check (rule in ('threshold','rate','stuck','offline')),
  condition       text not null check (condition in ('high','high_high','low','low_low','rate','stuck','offline')),
  level           smallint not null check (level in (1, 2)),   -- 1 一级（高/低限）, 2 二级（高高/低低限）
  value           double precision,                            -- the value that raised it
  threshold       double precision,
  peak_value      double precision,
  message         text not null,
  raised_at       timestamptz not null,                        -- the reading's time (or when the device fell silent)
  status          text not null default 'raised' check (status in ('raised','acknowledged','disposed','closed')),
  cleared_at      timestamptz,                                 -- 恢复正常: the condition ended
  acknowledged_at timestamptz,
  acknowledged_by uuid references accounts(id),
  disposed_at     timestamptz,
  disposed_by     uuid references accounts(id),
  cause           text,
  measures        text,
  false_alarm     boolean,
  closed_at       timestamptz,
  closed_by       uuid references accounts(id),
  escalation_step int not null default 0,
  escalated_at    timestamptz,
  region_code     char(12) not null,
  enterprise_id   uuid,
  regulator_org_id uuid,
  facility_id     uuid,
  rule_version    text,
  created_at      timestamptz not null default now()
);
create unique index monitoring_alarms_one_open_idx on monitoring_alarms
  (device_id, coalesce(sensor_id, '00000000-0000-0000-0000-000000000000'::uuid), rule) where status <> 'closed';
create index monitoring_alarms_status_idx on monitoring_alarms(status, created_at desc);
create index monitoring_alarms_region_idx on monitoring_alarms(region_code bpchar_pattern_ops, created_at desc);
create index monitoring_alarms_enterprise_idx on monitoring_alarms(enterprise_id, created_at desc) where enterprise_id is not null;
create index monitoring_alarms_sensor_idx on monitoring_alarms(sensor_id, created_at desc);
create index monitoring_alarms_unacked_idx on monitoring_alarms(created_at) where status = 'raised';

create table monitoring_alarm_events (
  id          uuid primary key,
  alarm_id    uuid not null references monitoring_alarms(id),
  at          timestamptz not null,
  actor_id    uuid,
  actor_name  text not null,
  action      text not null,           -- raise, upgrade, clear, recur, acknowledge, dispose, close, escalate
  from_status text,
  to_status   text,
  comment     text,
  data        jsonb
);
create index monitoring_alarm_events_alarm_idx on monitoring_alarm_events(alarm_id, at);

-- 预警信息: issued here or imported as CAP 1.2; distributed to the responsible people of its regions.
create table early_warnings (
  id              uuid primary key,
  number          text unique,                     -- YJ-2026-000001, given when issued here
  kind            text not null check (kind in ('weather','hydrological','geological','forest_fire','other')),
  event           text not null,                   -- 暴雨, 山洪, 地质灾害气象风险 …
  colour          text not null check (colour in ('blue','yellow','orange','red')),
  headline        text not null,
  description     text not null,
  guidance        text not null,                   -- 防御指南
  region_codes    text[] not null check (cardinality(region_codes) > 0),
  region_code     char(12) not null,               -- the lowest region covering them all (for scope)
  effective_at    timestamptz not null,
  expires_at      timestamptz not null check (expires_at > effective_at),
  sender          text not null,                   -- CAP sender (who issued it)
  sender_name     text not null,
  sender_org_id   uuid references organizations(id),
  source          text not null check (source in ('issued','imported')),
  status          text not null default 'draft' check (status in ('draft','issued','cancelled')),
  cap_identifier  text,
  cap_xml         text,                            -- the imported original, kept as received
  issued_at       timestamptz,
  issued_by       uuid references accounts(id),
  cancelled_at    timestamptz,
  created_by      uuid references accounts(id),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (sender, cap_identifier)
);
create index early_warnings_status_idx on early_warnings(status, effective_at desc);
create index early_warnings_regions_idx on early_warnings using gin (region_codes);

create table warning_recipients (
  warning_id    uuid not null references early_warnings(id),
  account_id    uuid not null references accounts(id),
  region_code   char(12) not null,                 -- the covered region that made them a recipient
  sends         int not null default 1,
  first_sent_at timestamptz not null,
  last_sent_at  timestamptz not null,
  confirmed_at  timestamptz,
  escalated_at  timestamptz,
  primary key (warning_id, account_id)
);
create index warning_recipients_pending_idx on warning_recipients(warning_id) where confirmed_at is null;
