-- 隐患类别 as a managed list (issue #14): each category cites the articles it rests on (as data, resolved to the law
-- library like checklist items), may belong to a sector and a parent, and is switched off rather than deleted. A hazard
-- picks one (category_code); the free-text `category` stays for old records and now holds the category's name.
-- A hazard raised from a failed self-check item carries that item's cites (hazards.cites).
create table hazard_categories (
  code        text primary key check (code ~ '^[a-z][a-z0-9_.-]{0,39}$'),
  name        text not null check (length(name) between 2 and 50),
  sector      text,                                   -- null: every sector
  parent_code text references hazard_categories(code),
  cites       jsonb not null default '[]'::jsonb,     -- [{source, article?, articleId?}] as saved (LawCite)
  unconfirmed boolean not null default false,         -- the cited article numbers are not checked against the official text
  note        text,
  active      boolean not null default true,
  position    int not null default 0,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  check (parent_code is distinct from code)
);
create unique index hazard_categories_name on hazard_categories (coalesce(parent_code, ''), name);

alter table hazards add column category_code text references hazard_categories(code);
alter table hazards add column cites jsonb;
create index hazards_category_code on hazards (category_code) where category_code is not null;

-- Shipped defaults. Cites whose article numbers could not be checked against an official text are marked unconfirmed.
create temporary table hazard_category_seed (code text, name text, sector text, parent_code text, pos int, unconfirmed boolean, note text, cites jsonb) on commit drop;
insert into hazard_category_seed values
  ('basic', '基础管理类', null, null, 10, false, '安全生产法第四十一条：事故隐患排查治理制度', '[{"source":"安全生产法","article":"第四十一条"}]'),
  ('basic.responsibility', '安全生产责任制与管理机构', null, 'basic', 11, false, null, '[{"source":"安全生产法","article":"第二十一条"}]'),
  ('basic.training', '安全教育培训与持证上岗', null, 'basic', 12, false, null, '[{"source":"安全生产法","article":"第二十八条"},{"source":"安全生产法","article":"第三十条"}]'),
  ('basic.risk', '风险分级管控与隐患排查制度', null, 'basic', 13, false, null, '[{"source":"安全生产法","article":"第四十一条"}]'),
  ('basic.emergency', '应急管理', null, 'basic', 14, true, '应急预案与演练的条文（安全生产法第八十一条）未收录，请导入后核对', '[{"source":"安全生产法","article":"第八十一条"}]'),
  ('site', '现场管理类', null, null, 20, false, null, '[]'),
  ('site.equipment', '设备设施', null, 'site', 21, false, null, '[{"source":"安全生产法","article":"第三十六条"}]'),
  ('site.signs', '安全警示标志', null, 'site', 22, false, null, '[{"source":"安全生产法","article":"第三十五条"}]'),
  ('site.special_work', '危险作业（爆破、吊装、动火等）', null, 'site', 23, false, null, '[{"source":"安全生产法","article":"第四十三条"}]'),
  ('site.major_source', '重大危险源管控', null, 'site', 24, false, null, '[{"source":"安全生产法","article":"第四十条"}]'),
  ('site.fire', '消防安全', null, 'site', 25, true, '消防法条文未收录', '[{"source":"中华人民共和国消防法"}]'),
  ('major', '重大事故隐患（判定标准）', null, null, 30, true, '各行业重大事故隐患判定标准的条号未能全部核对，请本局按标准文本确认', '[]'),
  ('industry_trade.major', '工贸企业重大事故隐患', 'industry_trade', 'major', 31, true, '应急管理部令第10号正文未收录', '[{"source":"应急管理部令第10号"}]'),
  ('industry_trade.dust', '粉尘涉爆', 'industry_trade', 'industry_trade.major', 32, true, '条号（第十一条）未能核对', '[{"source":"应急管理部令第10号","article":"第十一条"}]'),
  ('industry_trade.ammonia', '涉氨制冷', 'industry_trade', 'industry_trade.major', 33, true, '条号（第十二条）未能核对', '[{"source":"应急管理部令第10号","article":"第十二条"}]'),
  ('industry_trade.confined_space', '有限空间作业', 'industry_trade', 'industry_trade.major', 34, true, '条号（第十三条）未能核对', '[{"source":"应急管理部令第10号","article":"第十三条"}]'),
  ('hazchem.major', '化工和危险化学品重大事故隐患', 'hazchem', 'major', 35, true, '判定标准（试行）未收录', '[{"source":"化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）"}]'),
  ('hazchem.major_source', '危险化学品重大危险源', 'hazchem', 'hazchem.major', 36, false, null, '[{"source":"GB 18218-2018"},{"source":"安全生产法","article":"第四十条"}]'),
  ('non_coal_mine.major', '金属非金属矿山重大事故隐患', 'non_coal_mine', 'major', 37, true, '判定标准未收录', '[{"source":"金属非金属矿山重大事故隐患判定标准"}]'),
  ('fireworks.major', '烟花爆竹重大事故隐患', 'fireworks', 'major', 38, true, '判定标准未收录', '[{"source":"烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）"}]'),
  ('fire_key.major', '重大火灾隐患', 'fire_key', 'major', 39, true, 'GB 35181-2017 未收录', '[{"source":"GB 35181-2017"}]'),
  ('gas.major', '城镇燃气经营安全重大隐患', 'gas', 'major', 40, true, '判定标准未收录', '[{"source":"城镇燃气经营安全重大隐患判定标准"}]'),
  ('flood', '防汛', null, null, 50, false, '防汛检查发现的问题', '[]');

-- Resolve each cite like 0062 does: the source by title, short title or number; the article by label in the newest version.
create temporary table hazard_category_cites on commit drop as
  select s.code, c.n, c.cite->>'source' as source, c.cite->>'article' as article, src.id as source_id,
    (select a.id from law_articles a join law_versions v on v.id = a.version_id where a.source_id = src.id and a.label = c.cite->>'article' order by v.effective_from desc limit 1) as article_id
  from hazard_category_seed s, jsonb_array_elements(s.cites) with ordinality c(cite, n)
  left join lateral (select id from law_sources where c.cite->>'source' in (title, short_title, doc_number) order by repealed_on desc nulls first limit 1) src on true;

insert into hazard_categories (code, name, sector, parent_code, cites, unconfirmed, note, position)
select s.code, s.name, s.sector, null, coalesce((select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('source', c.source, 'article', c.article, 'articleId', c.article_id)) order by c.n)
  from hazard_category_cites c where c.code = s.code), '[]'::jsonb), s.unconfirmed, s.note, s.pos
from hazard_category_seed s;
update hazard_categories h set parent_code = s.parent_code from hazard_category_seed s where s.code = h.code;

-- Register the cites whose source the library holds, so that a replaced source lists the category for review.
insert into law_citations (id, subject_type, subject_id, subject_label, source_id, article_label, cited_text, article_id)
select gen_random_uuid(), 'hazard_category', c.code, '隐患类别 ' || s.name, c.source_id, c.article, c.source || coalesce(c.article, ''), c.article_id
from hazard_category_cites c join hazard_category_seed s on s.code = c.code
where c.source_id is not null
on conflict (subject_type, subject_id, source_id, coalesce(article_label, '')) do update set article_id = excluded.article_id, subject_label = excluded.subject_label;

-- Free-text categories already on hazards: the same name → that category; any other text becomes a category of its own
-- (to be tidied by the bureau), so old records keep their words and can be filtered.
update hazards h set category_code = c.code from hazard_categories c where h.category is not null and c.name = btrim(h.category);
insert into hazard_categories (code, name, note, position)
select 'legacy.' || substr(md5(t), 1, 10), left(t, 50), '由原自由填写的类别迁移，请整理或停用', 90
from (select distinct btrim(category) as t from hazards where category is not null and category_code is null and length(btrim(category)) >= 2) x
on conflict do nothing;
update hazards h set category_code = c.code from hazard_categories c where h.category_code is null and h.category is not null and c.code = 'legacy.' || substr(md5(btrim(h.category)), 1, 10);
