-- Hazard counts per county, kept on write (issue 12). At province scale (5,000,000 hazards, 1.9 million open) the
-- dashboard's open-hazard tally read every open hazard (0.4 s warm) and a province-wide ledger page counted all five
-- million rows for its total (1.6 s). These three tables hold the same counts grouped by county and by the columns the
-- dashboard and the ledger's common views filter on, so a figure over a county or more sums a few thousand rows.
--
-- hazard_counts: by county × status × level × supervised (挂牌督办): ~1,600 rows for a province.
-- hazard_deadline_months: the hazards that can be overdue (status pending/rectifying with a deadline, see
-- hazards.filter overdueSql) by the same and the month of their deadline (~17,000 rows for a province). Overdue on a
-- day D = the rows whose month ended before D's month + the hazards due between D's month start and D (read from the
-- table over hazards_overdue_order_idx: at most one month of deadlines).
-- hazard_found_days: by county × the day found (Asia/Shanghai), for 本年/本月排查隐患 and the ledger's found period.
--
-- All three are changed by statement-level triggers with transition tables, so a bulk insert of a million rows adds one
-- grouped upsert, not a million. Keys are upserted in key order, so two writers lock rows in the same order.
-- Counts may reach zero and stay as rows; hazard-counts.test compares them with the table after every kind of write.

create table hazard_counts (
  county char(6) not null,
  status text not null,
  level text not null,
  supervised boolean not null,
  n integer not null,
  primary key (county, status, level, supervised)
);

create table hazard_deadline_months (
  county char(6) not null,
  status text not null,
  level text not null,
  supervised boolean not null,
  deadline_month date not null,
  n integer not null,
  primary key (county, status, level, supervised, deadline_month)
);

create table hazard_found_days (
  county char(6) not null,
  found_on date not null,
  n integer not null,
  primary key (county, found_on)
);

-- The overdue top ten (longest overdue first) without sorting the open hazards, and the current month's overdue tail.
create index hazards_overdue_order_idx on hazards (deadline, level desc, id) include (region_code, status, supervise_level)
  where status in ('pending', 'rectifying');

-- Each trigger turns its rows into signed deltas (+1 new, -1 old) and adds them to the three tables in one statement;
-- on an update, rows whose keys did not change cancel out and nothing is written for them. (A transition table is
-- named by the trigger that has it, so the one function picks its source by the operation, through EXECUTE.)
create function hazard_counts_apply() returns trigger language plpgsql as $$
declare
  cols constant text := 'left(region_code, 6) as county, status, level, supervise_level is not null as supervised, deadline, found_at';
  src constant text := case tg_op
    when 'INSERT' then format('select %s, 1 as d from new_rows', cols)
    when 'DELETE' then format('select %s, -1 as d from old_rows', cols)
    else format('select %1$s, -1 as d from old_rows union all select %1$s, 1 from new_rows', cols) end;
begin
  execute format($sql$
    with d as (%s),
    counts as (
      insert into hazard_counts as c (county, status, level, supervised, n)
        select county, status, level, supervised, sum(d) from d group by 1, 2, 3, 4 having sum(d) <> 0 order by 1, 2, 3, 4
        on conflict (county, status, level, supervised) do update set n = c.n + excluded.n),
    months as (
      insert into hazard_deadline_months as c (county, status, level, supervised, deadline_month, n)
        select county, status, level, supervised, date_trunc('month', deadline)::date, sum(d) from d
        where status in ('pending', 'rectifying') and deadline is not null
        group by 1, 2, 3, 4, 5 having sum(d) <> 0 order by 1, 2, 3, 4, 5
        on conflict (county, status, level, supervised, deadline_month) do update set n = c.n + excluded.n)
    insert into hazard_found_days as c (county, found_on, n)
      select county, (found_at at time zone 'Asia/Shanghai')::date, sum(d) from d group by 1, 2 having sum(d) <> 0 order by 1, 2
      on conflict (county, found_on) do update set n = c.n + excluded.n
  $sql$, src);
  return null;
end $$;

create trigger hazard_counts_insert after insert on hazards referencing new table as new_rows
  for each statement execute function hazard_counts_apply();
create trigger hazard_counts_delete after delete on hazards referencing old table as old_rows
  for each statement execute function hazard_counts_apply();
create trigger hazard_counts_update after update on hazards referencing old table as old_rows new table as new_rows
  for each statement execute function hazard_counts_apply();

-- The hazards already there (a database upgraded to this version).
insert into hazard_counts (county, status, level, supervised, n)
  select left(region_code, 6), status, level, supervise_level is not null, count(*) from hazards group by 1, 2, 3, 4;
insert into hazard_deadline_months (county, status, level, supervised, deadline_month, n)
  select left(region_code, 6), status, level, supervise_level is not null, date_trunc('month', deadline)::date, count(*) from hazards
  where status in ('pending', 'rectifying') and deadline is not null group by 1, 2, 3, 4, 5;
insert into hazard_found_days (county, found_on, n)
  select left(region_code, 6), (found_at at time zone 'Asia/Shanghai')::date, count(*) from hazards group by 1, 2;
