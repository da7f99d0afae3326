-- 应急演练 kinds as issue #9 names them: 桌面推演, 实战, 综合 (a drill with a tabletop phase and a field phase).
-- The plans part's table keeps its kinds; this only widens the allowed set. Forward-only.
alter table command_plan_drills drop constraint command_plan_drills_kind_check;
alter table command_plan_drills add constraint command_plan_drills_kind_check check (kind in ('tabletop', 'live', 'combined'));
