-- The law library used everywhere (issue #14): checklist items and self-check template items cite articles as data
-- (source + article, resolved to an article of the library), a citation remembers the article it resolved to, and a
-- case remembers the violation item it was filed for (from an inspection's finding).

-- A citation may name several articles of one source (安全生产法第27、30条): one row per article.
alter table law_citations add column article_id uuid references law_articles(id) on delete set null;
alter table law_citations drop constraint law_citations_subject_type_subject_id_source_id_key;
create unique index law_citations_subject_article on law_citations (subject_type, subject_id, source_id, coalesce(article_label, ''));
create index law_citations_subject on law_citations (subject_type, subject_id);

-- 违法行为 a case was filed for (拟认定违法行为 of an inspection's finding); offered first when its penalty is proposed.
create table law_case_violations (
  case_id        uuid not null,                      -- enforcement case (checked through the enforcement domain)
  item_id        uuid not null references law_violation_items(id),
  inspection_id  uuid,
  finding        text,                               -- the finding's words as the inspection recorded them
  created_by     uuid,
  created_at     timestamptz not null default now(),
  primary key (case_id, item_id)
);

-- The shipped checklists' and templates' legal basis as structured cites. A cite whose source or article the library
-- does not hold keeps the words without an articleId (shown as 未收录 and listed for import); the basis text stays.
create temporary table law_shipped_cites (tbl text, list_id uuid, code text, pos int, source text, article text) on commit drop;
insert into law_shipped_cites values
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000001', 'FM-1', 1, '安全生产许可证条例', '第二条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000001', 'FM-2', 1, '金属非金属矿山安全规程', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000001', 'FM-3', 1, '金属非金属矿山重大事故隐患判定标准', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000001', 'FM-4', 1, '民用爆炸物品安全管理条例', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000001', 'FM-5', 1, '安全生产法', '第二十七条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000001', 'FM-5', 2, '安全生产法', '第三十条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000001', 'FM-6', 1, '金属非金属露天矿山高陡边坡安全监测技术规范', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000002', 'WH-1', 1, '危险化学品安全管理条例', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000002', 'WH-2', 1, '安全生产法', '第四十条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000002', 'WH-3', 1, '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000002', 'WH-4', 1, 'GB 30871-2022', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000002', 'WH-5', 1, '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000003', 'GM-1', 1, '安全生产法', '第二十二条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000003', 'GM-2', 1, '应急管理部令第10号', '第十一条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000003', 'GM-3', 1, '应急管理部令第10号', '第十三条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000003', 'GM-4', 1, '应急管理部令第10号', '第三条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000003', 'GM-4', 2, '安全生产法', '第三十条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000003', 'GM-5', 1, '安全生产法', '第三十五条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000004', 'YH-1', 1, '烟花爆竹安全管理条例', '第十九条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000004', 'YH-2', 1, '烟花爆竹经营许可实施办法', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000004', 'YH-3', 1, '烟花爆竹经营许可实施办法', null),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000004', 'YH-4', 1, '烟花爆竹安全管理条例', '第三十六条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000005', 'RQ-1', 1, '城镇燃气管理条例', '第十五条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000005', 'RQ-2', 1, '安全生产法', '第三十六条'),
  ('enforcement_checklists', '0190f100-0000-7000-8000-000000000005', 'RQ-3', 1, '城镇燃气管理条例', '第二十八条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-1', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-2', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-3', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-4', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-5', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-6', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-7', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-8', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000001', 'FC-9', 1, '应急管理部令第10号', '第十一条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000002', 'YX-1', 1, '应急管理部令第10号', '第十三条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000002', 'YX-2', 1, '应急管理部令第10号', '第十三条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000002', 'YX-3', 1, '应急管理部令第10号', '第十三条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000003', 'AN-1', 1, '应急管理部令第10号', '第十二条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000003', 'AN-2', 1, '应急管理部令第10号', '第十二条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000004', 'HG-1', 1, '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）', null),
  ('check_templates', '0190f000-0000-7000-8000-000000000004', 'HG-2', 1, '安全生产法', '第三十条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000005', 'YH-1', 1, '烟花爆竹经营许可实施办法', null),
  ('check_templates', '0190f000-0000-7000-8000-000000000005', 'YH-3', 1, '烟花爆竹经营许可实施办法', null),
  ('check_templates', '0190f000-0000-7000-8000-000000000005', 'YH-4', 1, '烟花爆竹经营许可实施办法', null),
  ('check_templates', '0190f000-0000-7000-8000-000000000006', 'RQ-1', 1, '安全生产法', '第三十六条'),
  ('check_templates', '0190f000-0000-7000-8000-000000000006', 'RQ-2', 1, '城镇燃气管理条例', null),
  ('check_templates', '0190f000-0000-7000-8000-000000000006', 'RQ-3', 1, '城镇燃气管理条例', null);

-- Resolve: the source by title, short title or number; the article by label in the source's newest version.
create temporary table law_shipped_resolved on commit drop as
  select c.*, s.id as source_id,
    (select a.id from law_articles a join law_versions v on v.id = a.version_id where a.source_id = s.id and a.label = c.article order by v.effective_from desc limit 1) as article_id
  from law_shipped_cites c
  left join lateral (select id from law_sources where c.source in (title, short_title, doc_number) order by repealed_on desc nulls first limit 1) s on true;

update enforcement_checklists l set items = (select jsonb_agg(case when p.cites is null then e.i else e.i || jsonb_build_object('cites', p.cites) end order by e.n)
  from jsonb_array_elements(l.items) with ordinality e(i, n)
  left join (select code, jsonb_agg(jsonb_strip_nulls(jsonb_build_object('source', source, 'article', article, 'articleId', article_id)) order by pos) as cites
    from law_shipped_resolved where tbl = 'enforcement_checklists' and list_id = l.id group by code) p on p.code = e.i->>'code')
where l.id in (select list_id from law_shipped_resolved where tbl = 'enforcement_checklists');

update check_templates l set items = (select jsonb_agg(case when p.cites is null then e.i else e.i || jsonb_build_object('cites', p.cites) end order by e.n)
  from jsonb_array_elements(l.items) with ordinality e(i, n)
  left join (select code, jsonb_agg(jsonb_strip_nulls(jsonb_build_object('source', source, 'article', article, 'articleId', article_id)) order by pos) as cites
    from law_shipped_resolved where tbl = 'check_templates' and list_id = l.id group by code) p on p.code = e.i->>'code')
where l.id in (select list_id from law_shipped_resolved where tbl = 'check_templates');

-- Register every cite whose source the library holds, so that a replaced source lists the item for review.
insert into law_citations (id, subject_type, subject_id, subject_label, source_id, article_label, cited_text, article_id)
select gen_random_uuid(), case r.tbl when 'enforcement_checklists' then 'checklist_item' else 'check_template_item' end, r.list_id || '#' || r.code,
  coalesce(l.name, t.name) || ' ' || r.code || ' ' || coalesce(li.i->>'text', ti.i->>'text', ''), r.source_id, r.article, coalesce(li.i->>'basis', ti.i->>'basis'), r.article_id
from law_shipped_resolved r
left join enforcement_checklists l on r.tbl = 'enforcement_checklists' and l.id = r.list_id
left join lateral (select i from jsonb_array_elements(l.items) i where i->>'code' = r.code) li on true
left join check_templates t on r.tbl = 'check_templates' and t.id = r.list_id
left join lateral (select i from jsonb_array_elements(t.items) i where i->>'code' = r.code) ti on true
where r.source_id is not null
on conflict (subject_type, subject_id, source_id, coalesce(article_label, '')) do update set article_id = excluded.article_id;
