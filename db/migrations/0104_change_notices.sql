-- Change notices for the in-process caches (issue 12; server/platform/db/changes.ts). NOTIFY is transactional: sent
-- at commit, never for a rolled-back change, and one notice per distinct payload per transaction however many rows.

-- A cached table changed: 't:<table>', once per statement.
create function notify_table_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('yingji_changes', 't:' || tg_table_name);
  return null;
end $$;

-- An account changed (roles, scope, disabled, password…): 'a:<account id>'; its cached sessions are dropped.
create function notify_account_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('yingji_changes', 'a:' || old.id::text);
  return null;
end $$;

-- A session ended, or was deleted: 'a:<account id>'. Refreshing last_seen_at (once a minute) sends nothing.
create function notify_session_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('yingji_changes', 'a:' || old.account_id::text);
  return null;
end $$;

create trigger accounts_notify after update or delete on accounts for each row execute function notify_account_changed();
create trigger sessions_notify after update of revoked_at, expires_at, account_id or delete on sessions
  for each row execute function notify_session_changed();

-- The tables the cached list answers read (http/response-cache.ts; routes name theirs in config.cache).
do $$
declare t text;
begin
  foreach t in array array['hazards', 'enterprises', 'regions', 'organizations', 'hazard_categories', 'major_hazard_sources',
    'enterprise_licences', 'enterprise_status_changes'] loop
    execute format('create trigger %I after insert or update or delete or truncate on %I for each statement execute function notify_table_changed()',
      t || '_notify', t);
  end loop;
end $$;
