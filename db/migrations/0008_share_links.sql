-- Read-only share links (issue 6): the owner of a plan hands its dashboard and
-- its approved version to people outside the workspace. The link carries a
-- random token; only its SHA-256 is stored, so a copy of this table opens
-- nothing. Revoking sets revoked_at, and the link stops working at once; the
-- row stays as the record of who shared what, and when.

create table share_links (
  id           uuid primary key default gen_random_uuid(),
  plan_id      uuid not null references plans (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- SHA-256 (hex) of the token.
  token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_by   uuid references users (id) on delete set null,
  created_at   timestamptz not null default now(),
  revoked_at   timestamptz,
  revoked_by   uuid references users (id) on delete set null,
  -- Revoked once, by someone, after it was made.
  constraint share_links_revoked_after_created check (revoked_at is null or revoked_at >= created_at),
  constraint share_links_revoker_only_when_revoked check (revoked_at is not null or revoked_by is null)
);

-- The owner's list: a plan's links that still work, newest first.
create index share_links_plan_active_idx on share_links (plan_id, created_at desc) where revoked_at is null;
