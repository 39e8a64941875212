-- The sign-off workflow, versions and the notifications they send (DESIGN.md
-- sections 5 and 6): draft -> in_review -> approved (locked) -> reopened ->
-- in_review ...; who must sign each plan; frozen versions of the document;
-- one signature per signer per version.

-- A new enum value cannot be used in the transaction that adds it: nothing
-- below mentions 'reopened'.
alter type plan_status add value if not exists 'reopened';

-- Frozen versions of a plan's document: the full Yjs state (so it can be
-- opened, diffed and restored), the projection and its content hash.
-- Numbers count up per plan; the writer holds the plan row's lock.
create table plan_versions (
  id           uuid primary key default gen_random_uuid(),
  plan_id      uuid not null references plans (id) on delete cascade,
  number       integer not null check (number > 0),
  name         text not null check (char_length(name) between 1 and 200),
  -- named: saved by an editor; submitted / approved: automatic at those
  -- steps; restored: the content just before a restore, so it can be undone.
  kind         text not null check (kind in ('named', 'submitted', 'approved', 'restored')),
  -- Y.encodeStateAsUpdate of the document.
  state        bytea not null,
  -- projectPlan(doc), derived figures included. json, not jsonb: kept as
  -- written, and a NUL character a raw Yjs peer typed cannot make it fail.
  content      json not null,
  -- SHA-256 (hex) of the canonical JSON of `content`.
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  created_by   uuid references users (id) on delete set null,
  created_at   timestamptz not null default now(),
  unique (plan_id, number),
  -- Lets other tables require that a version belongs to the plan they name.
  unique (plan_id, id)
);

-- Versions and signatures are records of what was there and who said what:
-- the database refuses to rewrite them.
create function refuse_rewrite() returns trigger
language plpgsql as $$
begin
  raise exception '% rows are never rewritten: % is not allowed', tg_table_name, tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
create trigger plan_versions_no_update
  before update on plan_versions
  for each row execute function refuse_rewrite();

alter table plans
  -- Editing locked while in review, until a decision ("freeze editing").
  add column frozen              boolean not null default false,
  -- The version the signers review (in_review), or last reviewed.
  add column review_version_id   uuid,
  -- The version the last approval signed.
  add column approved_version_id uuid,
  add column approved_at         timestamptz,
  add constraint plans_review_version_fk
    foreign key (id, review_version_id) references plan_versions (plan_id, id),
  add constraint plans_approved_version_fk
    foreign key (id, approved_version_id) references plan_versions (plan_id, id),
  add constraint plans_frozen_in_review check (not frozen or status = 'in_review');

-- Who must sign a plan. A signer counts while they are a member of the
-- plan's workspace who can sign off (checked where it is read).
create table plan_signers (
  plan_id  uuid not null references plans (id) on delete cascade,
  user_id  uuid not null references users (id) on delete cascade,
  -- Null for the default chosen when the plan was created.
  added_by uuid references users (id) on delete set null,
  added_at timestamptz not null default now(),
  primary key (plan_id, user_id)
);
create index plan_signers_user_idx on plan_signers (user_id);

-- The default signers of a plan: the longest-standing sales member and the
-- longest-standing marketing member of its workspace who can sign off, if
-- any. One rule for the backfill below and for every new plan, whatever code
-- path creates it (the app, the demo seed, tests).
create function add_default_signers(target uuid) returns void
language sql as $$
  insert into plan_signers (plan_id, user_id)
  select p.id, pick.user_id
  from plans p
  cross join lateral (
    select distinct on (m.team) m.user_id
    from memberships m
    where m.workspace_id = p.workspace_id and m.can_sign_off and m.team in ('sales', 'marketing')
    order by m.team, m.created_at, m.user_id
  ) pick
  where p.id = target
  on conflict do nothing;
$$;

create function plans_default_signers() returns trigger
language plpgsql as $$
begin
  perform add_default_signers(new.id);
  return null;
end;
$$;
create trigger plans_add_default_signers
  after insert on plans
  for each row execute function plans_default_signers();

select add_default_signers(id) from plans;

-- One signature per signer per version (double clicks and races cannot make
-- two). It names the content hash the signer saw.
create table signatures (
  id           uuid primary key default gen_random_uuid(),
  plan_id      uuid not null references plans (id) on delete cascade,
  version_id   uuid not null,
  signer_id    uuid not null references users (id),
  decision     text not null check (decision in ('approve', 'request_changes')),
  note         text not null default '' check (char_length(note) <= 4000),
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  -- The thread a request for changes opened.
  thread_id    uuid references comment_threads (id) on delete set null,
  created_at   timestamptz not null default now(),
  foreign key (plan_id, version_id) references plan_versions (plan_id, id) on delete cascade,
  constraint signatures_once_per_version unique (version_id, signer_id)
);
create index signatures_plan_idx on signatures (plan_id, created_at desc);

-- Only thread_id may change (set null when its thread goes), so the trigger
-- watches every other column.
create trigger signatures_no_update
  before update of id, plan_id, version_id, signer_id, decision, note, content_hash, created_at
  on signatures
  for each row execute function refuse_rewrite();

-- The sign-off steps notify too, and not every one is about a thread.
alter table notifications alter column thread_id drop not null;
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'mention', 'reply', 'resolved', 'reopened', 'review_requested', 'changes_requested', 'plan_approved'));
alter table notifications drop constraint notifications_comment_kinds;
alter table notifications add constraint notifications_comment_kinds
  check ((comment_id is not null) = (kind in ('mention', 'reply')));
alter table notifications add constraint notifications_thread_kinds
  check (thread_id is not null or kind in ('review_requested', 'plan_approved'));

-- The audit API pages by id, newest first, per workspace or per plan.
create index audit_log_workspace_id_idx on audit_log (workspace_id, id desc);
create index audit_log_plan_id_idx on audit_log (plan_id, id desc) where plan_id is not null;

-- Freezing and unfreezing change who may write, as the status does:
-- announce both (migration 0003), with the new state.
create or replace function notify_plan_status_change() returns trigger
language plpgsql as $$
begin
  if new.status is distinct from old.status or new.frozen is distinct from old.frozen then
    perform pg_notify('accord_plan_status', json_build_object(
      'planId', new.id, 'status', new.status, 'frozen', new.frozen)::text);
  end if;
  return null;
end;
$$;
drop trigger plans_notify_status on plans;
create trigger plans_notify_status
  after update of status, frozen on plans
  for each row execute function notify_plan_status_change();
