-- Editable self-check templates (issue #14): each save makes a new version; the items of every earlier version are kept,
-- and a filled check records the version it was judged by (its results also keep each item's words and cites).
alter table check_templates add column version int not null default 1;
alter table check_templates add column updated_at timestamptz not null default now();
alter table check_templates add column active boolean not null default true;

create table check_template_versions (
  template_id uuid not null references check_templates(id),
  version     int not null,
  name        text not null,
  items       jsonb not null,
  replaced_at timestamptz not null default now(),
  replaced_by uuid,
  primary key (template_id, version)
);

alter table check_records add column template_version int not null default 1;
