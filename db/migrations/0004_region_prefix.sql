-- region_prefix(code): the code cut after its last non-zero level (2/4/6/9/12 digits), as regionPrefix()
-- in server/platform/auth/scope.ts. `x like region_prefix(c) || '%'` tests "x lies in c's subtree".
create function region_prefix(code text) returns text language sql immutable parallel safe as $$
  select left(code, case when substr(code, 3) = '0000000000' then 2 when substr(code, 5) = '00000000' then 4
    when substr(code, 7) = '000000' then 6 when substr(code, 10) = '000' then 9 else 12 end)
$$;
