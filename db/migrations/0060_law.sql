-- 法律法规标准库 and 行政处罚自由裁量基准: legal sources with dated versions and citable articles, violation items
-- (违法行为) with their benchmark bands, penalty proposals of cases, and citations kept for review when a source is replaced.

create table law_sources (
  id           uuid primary key,
  kind         text not null check (kind in ('law', 'regulation', 'ministry_rule', 'local_regulation', 'local_rule', 'national_standard', 'industry_standard', 'normative')),
  title        text not null,
  short_title  text,                                   -- 安全生产法: what people cite it as
  doc_number   text,                                   -- 应急管理部令第18号 / GB 18218-2018
  issuer       text,
  repealed_on  date,                                   -- no longer in force from this day
  replaced_by  uuid references law_sources(id),
  note         text,
  unconfirmed  boolean not null default false,         -- shipped metadata not checked against the official text
  search       text not null default '',               -- normalised title, short title, number, issuer
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create unique index law_sources_title_number on law_sources (title, coalesce(doc_number, ''));

-- A source's versions (修正/修订): each in force from effective_from until the next one starts or the source is repealed.
create table law_versions (
  id              uuid primary key,
  source_id       uuid not null references law_sources(id) on delete cascade,
  label           text not null,                       -- 2021年修正
  doc_number      text,                                -- 主席令第88号
  issued_on       date,
  effective_from  date not null,
  note            text,
  created_at      timestamptz not null default now(),
  unique (source_id, effective_from)
);

create table law_articles (
  id          uuid primary key,
  version_id  uuid not null references law_versions(id) on delete cascade,
  source_id   uuid not null references law_sources(id) on delete cascade,
  position    integer not null,
  chapter     text,
  section     text,
  label       text not null,                           -- 第九十九条, or 5.2.1 in a standard
  number      integer,                                 -- 99
  text        text not null,
  paragraphs  jsonb not null,                          -- [{text, items: [{label, number, text}]}]
  search      text not null,                           -- normalised label + text (LIKE; see server/domains/law/README.md)
  unique (version_id, label)
);
create index law_articles_source_number on law_articles (source_id, number);
create index law_articles_version_position on law_articles (version_id, position);

create table law_violation_items (
  id                   uuid primary key,
  code                 text not null unique,           -- AQF-099-01
  name                 text not null,                  -- 未设置明显的安全警示标志
  sector               text,
  violated_article_id  uuid references law_articles(id),
  violated_part        text,                           -- 第一款 / 第四款
  penalty_article_id   uuid references law_articles(id),
  penalty_part         text,                           -- 第（一）项
  keywords             text[] not null default '{}',   -- words a finding is matched by
  source               text not null,                  -- where the benchmark comes from
  unconfirmed          boolean not null default false,
  note                 text,
  search               text not null default '',
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);

-- One band of a benchmark: the grade of the circumstances and what it allows.
create table law_benchmark_bands (
  id                uuid primary key,
  item_id           uuid not null references law_violation_items(id) on delete cascade,
  grade             text not null check (grade in ('minor', 'general', 'serious', 'severe')),
  circumstances     text not null,                     -- 情节 as the benchmark words it
  kinds             text[] not null,                   -- penalty kinds (contracts/enforcement PENALTY_KINDS); empty = 不予处罚
  fine_min          numeric(14, 2),
  fine_max          numeric(14, 2),
  person_fine_min   numeric(14, 2),                    -- 对直接负责的主管人员和其他直接责任人员
  person_fine_max   numeric(14, 2),
  other             text,                              -- 责令限期改正, 责令停产停业整顿 …
  unconfirmed       boolean not null default false,
  unique (item_id, grade),
  check (fine_min is null or fine_max is null or fine_min <= fine_max),
  check (person_fine_min is null or person_fine_max is null or person_fine_min <= person_fine_max)
);

-- A proposal of a case's penalty from a benchmark: circumstances, the band, the articles' versions as used.
create table law_penalty_proposals (
  id               uuid primary key,
  case_id          uuid not null,                      -- enforcement case (checked through the enforcement domain)
  item_id          uuid not null references law_violation_items(id),
  region_code      text not null,
  org_id           uuid,
  enterprise_id    uuid,
  on_date          date not null,
  circumstances    jsonb not null,
  grade            text not null,
  band             jsonb not null,                     -- the band as it stood
  articles         jsonb not null,                     -- [{role, articleId, versionId, label, source, version, text}]
  kinds            text[] not null,
  fine             numeric(14, 2),
  within_range     boolean not null,
  reason           text,                               -- required when outside the range (偏离裁量基准)
  status           text not null check (status in ('accepted', 'pending', 'approved', 'rejected')),
  proposed_by      uuid,
  proposed_by_name text not null,
  decided_by       uuid,
  decided_by_name  text,
  decided_at       timestamptz,
  decision_note    text,
  created_at       timestamptz not null default now(),
  check (within_range or reason is not null)
);
create index law_penalty_proposals_case on law_penalty_proposals (case_id, created_at);

-- What other domains cite (checklist items, hazard categories, rules): listed for review when the source is replaced.
create table law_citations (
  id             uuid primary key,
  subject_type   text not null,                        -- checklist_item, hazard_category, rule …
  subject_id     text not null,
  subject_label  text not null,
  source_id      uuid not null references law_sources(id) on delete cascade,
  article_label  text,
  cited_text     text,                                 -- as the subject wrote it
  reviewed_at    timestamptz,
  reviewed_by    text,
  review_note    text,
  unique (subject_type, subject_id, source_id)
);
