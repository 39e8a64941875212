-- Accounts, workspaces, memberships, sessions, invites, plans, login rate limits
-- and the append-only audit log.

create table users (
  id            uuid primary key default gen_random_uuid(),
  email         text not null,
  name          text not null,
  password_hash text not null,
  created_at    timestamptz not null default now()
);
-- E-mail addresses are unique regardless of case.
create unique index users_email_key on users (lower(email));

create table workspaces (
  id         uuid primary key default gen_random_uuid(),
  name       text not null,
  created_at timestamptz not null default now()
);

create type member_role as enum ('owner', 'editor', 'commenter', 'viewer');
create type member_team as enum ('sales', 'marketing', 'leadership', 'other');

create table memberships (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id      uuid not null references users (id) on delete cascade,
  role         member_role not null,
  team         member_team not null,
  can_sign_off boolean not null default false,
  created_at   timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a copy of
-- this table does not let anyone impersonate a user.
create table sessions (
  id           text primary key,
  user_id      uuid not null references users (id) on delete cascade,
  workspace_id uuid references workspaces (id) on delete set null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

create table invites (
  id           uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  token_hash   text not null unique,
  role         member_role not null,
  team         member_team not null,
  can_sign_off boolean not null default false,
  created_by   uuid not null references users (id),
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  used_at      timestamptz,
  used_by      uuid references users (id),
  revoked_at   timestamptz,
  constraint invites_role_not_owner check (role <> 'owner')
);
create index invites_workspace_idx on invites (workspace_id) where used_at is null and revoked_at is null;

create type plan_status as enum ('draft', 'in_review', 'approved');

create table plans (
  id           uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  title        text not null,
  period       text not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
  currency     text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  status       plan_status not null default 'draft',
  created_by   uuid references users (id) on delete set null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index plans_workspace_idx on plans (workspace_id, period desc);

-- Fixed-window counters shared by every server process.
create table rate_limits (
  key          text primary key,
  window_start timestamptz not null,
  hits         integer not null
);

create table audit_log (
  id           bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces (id),
  plan_id      uuid references plans (id),
  actor_id     uuid references users (id),
  action       text not null,
  detail       jsonb not null default '{}',
  at           timestamptz not null default now()
);
create index audit_log_workspace_idx on audit_log (workspace_id, at desc);
create index audit_log_plan_idx on audit_log (plan_id, at desc) where plan_id is not null;

-- The audit log is append-only: the database itself refuses to change it.
create function audit_log_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update_delete
  before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
