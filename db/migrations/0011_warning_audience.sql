-- Who a warning reaches (预警对象): the responsible people of the covered regions (town stations and village
-- 灾害信息员, in or over them), or everyone whose scope lies inside the regions (every region account there and the
-- accounts of the enterprises located there) as well.
alter table early_warnings add column audience text not null default 'responsible' check (audience in ('responsible', 'everyone'));
