-- 一企一档 enterprise registry: the enterprise record, its status history, licences with expiry
-- reminders, major hazard sources (GB 18218-2018) and the chemicals catalogue. Forward-only.
-- Code values are those of contracts/enterprises.ts (the labels live there).

-- text[] → text, declared immutable so that it may feed a generated column (array_to_string is only
-- stable because of other element types; for text[] it is immutable).
create function yj_join_text(parts text[]) returns text language sql immutable parallel safe
  as $$ select coalesce(array_to_string(parts, ' '), '') $$;

alter table enterprises
  add column former_names        text[] not null default '{}',   -- 曾用名
  add column legal_representative text,                           -- 法定代表人
  add column legal_representative_phone text,
  add column principal_name      text,                            -- 主要负责人
  add column principal_phone     text,
  add column safety_manager_name text,                            -- 安全管理负责人
  add column safety_manager_phone text,
  add column lng                 double precision,
  add column lat                 double precision,
  add column employees           int check (employees >= 0),
  add column scale               text check (scale in ('large','medium','small','micro')),
  add column established_on      date,                            -- 成立日期
  add column status              text not null default 'operating'
    check (status in ('operating','suspended','closed_business','closed','banned')),
  add column status_changed_at   timestamptz,
  add column is_key              boolean not null default false,  -- 重点企业
  add column standard_grade      text check (standard_grade in ('level1','level2','level3','small_micro')), -- 安全生产标准化等级
  add column industry_code       text check (industry_code ~ '^[A-T]([0-9]{2,4})?$'), -- GB/T 4754-2017
  add column sector              text not null default 'other'
    check (sector in ('hazchem','non_coal_mine','fireworks','industry_trade','gas','fire_key','construction','transport','special_equipment','other')),
  add column sector_detail       text check (sector_detail in ('production','trading','use','storage','wholesale','retail',
    'metallurgy','nonferrous','building_materials','machinery','light','textile','tobacco','commerce')),
  add column subtype             text,                            -- 细分类型: 钢纤维, 鞋楦, 液化气站 …
  add column flags               text[] not null default '{}'
    check (flags <@ array['dust_explosion','ammonia_refrigeration','confined_space','high_temp_melt']),
  -- 风险等级: set by hand until the risk-point domain feeds it; the source says which.
  add column risk_level          text check (risk_level in ('red','orange','yellow','blue')),
  add column risk_level_source   text,
  add column risk_level_at       timestamptz,
  add column search_text         text generated always as (
    name || ' ' || yj_join_text(former_names) || ' ' || coalesce(credit_code, '') || ' ' || coalesce(address, '')) stored;

-- The starter column `industry` held one free-text word; its meaning moves to sector/detail/subtype/flags.
update enterprises set
  sector = case
    when industry in ('危险化学品', '加油站') then 'hazchem'
    when industry = '非煤矿山' then 'non_coal_mine'
    when industry like '烟花爆竹%' then 'fireworks'
    when industry in ('金属冶炼', '钢纤维', '鞋楦加工', '特种制泵', '林木加工', '建材', '食品加工') then 'industry_trade'
    when industry = '液化气站' then 'gas'
    else 'other' end,
  sector_detail = case
    when industry = '危险化学品' then 'production'
    when industry = '加油站' then 'trading'
    when industry = '烟花爆竹批发' then 'wholesale'
    when industry = '烟花爆竹零售' then 'retail'
    when industry in ('金属冶炼', '钢纤维') then 'metallurgy'
    when industry = '特种制泵' then 'machinery'
    when industry in ('鞋楦加工', '林木加工', '食品加工') then 'light'
    when industry = '建材' then 'building_materials'
    end,
  subtype = case
    when industry in ('钢纤维', '特种制泵', '林木加工', '液化气站', '加油站', '金属冶炼') then industry
    when industry = '鞋楦加工' then '鞋楦'
    when industry in ('危险化学品', '非煤矿山', '建材', '食品加工') or industry like '烟花爆竹%' then null
    else industry end,
  flags = case when industry = '金属冶炼' then array['high_temp_melt'] when industry = '林木加工' then array['dust_explosion'] else '{}' end
where industry is not null;
alter table enterprises drop column industry;

-- List filters and sorts (scope: region_code has its index from 0001; supervising_org_id and id).
create index enterprises_search_trgm_idx on enterprises using gin (search_text gin_trgm_ops);
-- Chinese names are often searched by two characters (a trade name such as 恒达), too short for a trigram
-- index; a GIN index over the text's character pairs serves those (the store adds this condition).
create function yj_bigrams(s text) returns text[] language sql immutable parallel safe
  as $$ select coalesce(array_agg(distinct lower(substr(s, i, 2))), '{}') from generate_series(1, length(s) - 1) i $$;
create index enterprises_search_bigram_idx on enterprises using gin (yj_bigrams(search_text));
create index enterprises_org_idx on enterprises(supervising_org_id);
create index enterprises_region_pattern_idx on enterprises(region_code bpchar_pattern_ops);
create index enterprises_sector_idx on enterprises(sector, sector_detail);
create index enterprises_subtype_idx on enterprises(subtype) where subtype is not null;
create index enterprises_status_idx on enterprises(status);
create index enterprises_risk_idx on enterprises(risk_level) where risk_level is not null;
-- "riskiest first" (the list's risk sort and the map's order): the same expression as the store's RISK_ORDER.
create index enterprises_risk_order_idx on enterprises
  ((case risk_level when 'red' then 1 when 'orange' then 2 when 'yellow' then 3 when 'blue' then 4 end), id);
create index enterprises_key_idx on enterprises(id) where is_key;
create index enterprises_flags_idx on enterprises using gin (flags);
create index enterprises_name_idx on enterprises(name, id);
create index enterprises_updated_idx on enterprises(updated_at desc, id);

-- 状态变更记录: every change of status, who ordered it, on which document, when and who recorded it.
create table enterprise_status_changes (
  id                uuid primary key,
  enterprise_id     uuid not null references enterprises(id),
  from_status       text,
  to_status         text not null,
  reason            text not null,
  ordered_by_org_id uuid references organizations(id),
  ordered_by        text,                -- 下令的单位或人员 (free text when not an organisation here)
  document_no       text,                -- 文书文号
  effective_on      date not null,       -- 生效日期 (Asia/Shanghai)
  recorded_by       uuid references accounts(id),
  recorded_by_name  text,
  recorded_at       timestamptz not null default now()
);
create index enterprise_status_changes_enterprise_idx on enterprise_status_changes(enterprise_id, recorded_at desc);

-- 证照: licences and certificates; expires_on null = 长期有效.
create table enterprise_licences (
  id            uuid primary key,
  enterprise_id uuid not null references enterprises(id),
  kind          text not null,
  number        text not null,
  issuer        text,
  issued_on     date,
  expires_on    date,
  file_id       uuid references files(id),
  note          text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index enterprise_licences_enterprise_idx on enterprise_licences(enterprise_id);
create index enterprise_licences_expiry_idx on enterprise_licences(expires_on, enterprise_id) where expires_on is not null;

-- Which expiry reminder went out: one per licence, expiry date and threshold (90/30/7), so a renewed
-- licence (new expiry date) is reminded again and a job that runs twice sends nothing twice.
create table enterprise_licence_reminders (
  licence_id  uuid not null references enterprise_licences(id) on delete cascade,
  expires_on  date not null,
  days_before int not null,
  sent_at     timestamptz not null default now(),
  primary key (licence_id, expires_on, days_before)
);

-- 危险化学品 catalogue for GB 18218-2018: 表1 named substances (临界量 Q, β from 表3 or by category)
-- and 表2/表4 hazard categories for substances not listed. Editable by the bureau; values per DOMAIN.md §6.
create table chemicals (
  code       text primary key,         -- CAS number for a listed substance; category code (J1, W2 …) otherwise
  name       text not null,
  cas        text,
  kind       text not null check (kind in ('listed','category')),
  critical_quantity_t numeric not null check (critical_quantity_t > 0),
  beta       numeric not null check (beta > 0),
  category   text,                     -- the 表4 category a listed substance's β follows, when not in 表3
  source     text
);
create index chemicals_name_trgm_idx on chemicals using gin (name gin_trgm_ops);

insert into chemicals (code, name, cas, kind, critical_quantity_t, beta, category, source) values
  -- 表1 with β from 表3 (toxic gases). Q values marked [M] are from the standard's text, not DOMAIN.md.
  ('7664-41-7',  '氨',          '7664-41-7',  'listed', 10,   2,   null, 'GB 18218-2018 表1/表3'),
  ('7446-09-5',  '二氧化硫',     '7446-09-5',  'listed', 20,   2,   null, 'GB 18218-2018 表1/表3'),
  ('75-21-8',    '环氧乙烷',     '75-21-8',    'listed', 10,   2,   null, 'GB 18218-2018 表1/表3'),
  ('75-44-5',    '碳酰氯（光气）', '75-44-5',    'listed', 0.3,  20,  null, 'GB 18218-2018 表1/表3'),
  ('630-08-0',   '一氧化碳',     '630-08-0',   'listed', 10,   2,   null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('7647-01-0',  '氯化氢（无水）', '7647-01-0',  'listed', 20,   3,   null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('74-83-9',    '溴甲烷',       '74-83-9',    'listed', 10,   3,   null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('7782-50-5',  '氯',          '7782-50-5',  'listed', 5,    4,   null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('7783-06-4',  '硫化氢',       '7783-06-4',  'listed', 5,    5,   null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('7664-39-3',  '氟化氢',       '7664-39-3',  'listed', 1,    5,   null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('10102-44-0', '二氧化氮',     '10102-44-0', 'listed', 1,    10,  null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('74-90-8',    '氰化氢',       '74-90-8',    'listed', 1,    10,  null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('7803-51-2',  '磷化氢',       '7803-51-2',  'listed', 1,    20,  null, 'GB 18218-2018 表1/表3 [Q: M]'),
  ('624-83-9',   '异氰酸甲酯',   '624-83-9',   'listed', 0.75, 20,  null, 'GB 18218-2018 表1/表3 [Q: M]'),
  -- 表1, β by the substance's 表4 category.
  ('74-82-8',    '甲烷',         '74-82-8',    'listed', 50,   1.5, 'W2', 'GB 18218-2018 表1; β 表4 W2'),
  ('74-98-6',    '丙烷',         '74-98-6',    'listed', 50,   1.5, 'W2', 'GB 18218-2018 表1; β 表4 W2'),
  ('74-85-1',    '乙烯',         '74-85-1',    'listed', 50,   1.5, 'W2', 'GB 18218-2018 表1; β 表4 W2'),
  ('74-86-2',    '乙炔',         '74-86-2',    'listed', 1,    1.5, 'W2', 'GB 18218-2018 表1; β 表4 W2'),
  ('68476-85-7', '液化石油气',   '68476-85-7', 'listed', 50,   1.5, 'W2', 'GB 18218-2018 表1 [M]; β 表4 W2'),
  ('8006-14-2',  '天然气',       '8006-14-2',  'listed', 50,   1.5, 'W2', 'GB 18218-2018 表1 [M]; β 表4 W2'),
  ('1333-74-0',  '氢',          '1333-74-0',  'listed', 5,    1.5, 'W2', 'GB 18218-2018 表1 [M]; β 表4 W2'),
  ('71-43-2',    '苯',          '71-43-2',    'listed', 50,   1,   'W5', 'GB 18218-2018 表1; β 表4'),
  ('67-56-1',    '甲醇',         '67-56-1',    'listed', 500,  1,   'W5', 'GB 18218-2018 表1; β 表4'),
  ('108-88-3',   '甲苯',         '108-88-3',   'listed', 500,  1,   'W5', 'GB 18218-2018 表1; β 表4'),
  ('64-17-5',    '乙醇',         '64-17-5',    'listed', 500,  1,   'W5', 'GB 18218-2018 表1; β 表4'),
  ('67-64-1',    '丙酮',         '67-64-1',    'listed', 500,  1,   'W5', 'GB 18218-2018 表1; β 表4'),
  ('86290-81-5', '汽油',         '86290-81-5', 'listed', 200,  1,   'W5', 'GB 18218-2018 表1; β 表4'),
  ('7440-23-5',  '钠',          '7440-23-5',  'listed', 10,   1,   'W11', 'GB 18218-2018 表1; β 表4'),
  ('7440-09-7',  '钾',          '7440-09-7',  'listed', 1,    1,   'W11', 'GB 18218-2018 表1; β 表4'),
  -- 表2 categories (Q) with 表4 β, for substances not in 表1. β per DOMAIN.md §6: J1 4; J3/J4 2;
  -- 爆炸物 2; W2 1.5; others 1 (the standard may give W5.1/W6.1/W7.1 1.5 [M]: edit here if confirmed).
  ('J1',   '急性毒性类别1（气体）',                    null, 'category', 5,    4,   null, 'GB 18218-2018 表2/表4'),
  ('J2',   '急性毒性类别1（固体、液体）',               null, 'category', 50,   1,   null, 'GB 18218-2018 表2/表4'),
  ('J3',   '急性毒性类别2、3（气体）',                 null, 'category', 50,   2,   null, 'GB 18218-2018 表2/表4'),
  ('J4',   '急性毒性类别2、3（吸入，液体沸点≤35℃）',     null, 'category', 50,   2,   null, 'GB 18218-2018 表2/表4'),
  ('J5',   '急性毒性类别2（液体、固体，J4 以外）',        null, 'category', 500,  1,   null, 'GB 18218-2018 表2/表4'),
  ('W1.1', '不稳定爆炸物、1.1 项爆炸物',                null, 'category', 1,    2,   null, 'GB 18218-2018 表2/表4'),
  ('W1.2', '1.2、1.3、1.5、1.6 项爆炸物',               null, 'category', 10,   2,   null, 'GB 18218-2018 表2/表4'),
  ('W1.3', '1.4 项爆炸物',                            null, 'category', 50,   2,   null, 'GB 18218-2018 表2/表4'),
  ('W2',   '易燃气体类别1、2',                        null, 'category', 10,   1.5, null, 'GB 18218-2018 表2/表4'),
  ('W3',   '气溶胶类别1、2',                          null, 'category', 150,  1,   null, 'GB 18218-2018 表2/表4'),
  ('W4',   '氧化性气体类别1',                         null, 'category', 50,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W5.1', '易燃液体类别1；类别2、3且工作温度高于沸点',     null, 'category', 10,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W5.2', '易燃液体类别2、3且有引发重大事故的特殊工艺条件', null, 'category', 50,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W5.3', '易燃液体类别2（W5.1、W5.2 以外）',          null, 'category', 1000, 1,   null, 'GB 18218-2018 表2/表4'),
  ('W5.4', '易燃液体类别3（W5.1、W5.2 以外）',          null, 'category', 5000, 1,   null, 'GB 18218-2018 表2/表4'),
  ('W6.1', '自反应物质和混合物 A 型、B 型',             null, 'category', 10,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W6.2', '自反应物质和混合物 C～F 型',                null, 'category', 50,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W7.1', '有机过氧化物 A 型、B 型',                  null, 'category', 10,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W7.2', '有机过氧化物 C～F 型',                     null, 'category', 50,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W8',   '自燃液体、自燃固体类别1',                   null, 'category', 50,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W9.1', '氧化性固体、液体类别1',                    null, 'category', 50,   1,   null, 'GB 18218-2018 表2/表4'),
  ('W9.2', '氧化性固体、液体类别2、3',                  null, 'category', 200,  1,   null, 'GB 18218-2018 表2/表4'),
  ('W10',  '易燃固体类别1',                           null, 'category', 200,  1,   null, 'GB 18218-2018 表2/表4'),
  ('W11',  '遇水放出易燃气体的物质和混合物类别1、2',       null, 'category', 200,  1,   null, 'GB 18218-2018 表2/表4');

-- 重大危险源: one 生产单元/储存单元 with its chemicals; S, R, α and the grade are computed by the
-- platform (GB 18218) when the inputs change and stored with the rule they were judged by.
create table major_hazard_sources (
  id             uuid primary key,
  enterprise_id  uuid not null references enterprises(id),
  name           text not null,
  unit_kind      text not null check (unit_kind in ('production','storage')),
  people_exposed int not null check (people_exposed >= 0),  -- 厂区边界外 500 m 内常住人口 (→ α)
  record_no      text,                                      -- 备案编号
  note           text,
  s_value        numeric not null,
  identified     boolean not null,                          -- S ≥ 1
  alpha          numeric not null,
  r_value        numeric,
  grade          smallint check (grade between 1 and 4),
  rule_version   text not null,                             -- e.g. major_hazard.gb18218@default
  working        jsonb not null default '[]',               -- the working shown to people, as computed then
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index major_hazard_sources_enterprise_idx on major_hazard_sources(enterprise_id, identified);

-- The chemicals of a source, with the Q and β used at the time (a later catalogue edit does not
-- silently regrade a recorded source).
create table major_hazard_chemicals (
  id            uuid primary key,
  source_id     uuid not null references major_hazard_sources(id) on delete cascade,
  position      int not null,
  chemical_code text references chemicals(code),
  name          text not null,
  quantity_t    numeric not null check (quantity_t >= 0),
  critical_quantity_t numeric not null check (critical_quantity_t > 0),
  beta          numeric not null check (beta > 0)
);
create index major_hazard_chemicals_source_idx on major_hazard_chemicals(source_id, position);
