-- The Yjs document of each plan (DESIGN.md section 3, Persistence): an
-- append-only log of updates written by group commit, and at most one
-- snapshot per plan that compaction folds the log into.
--
-- Loading a plan = its snapshot + EVERY row still in doc_updates, whatever its
-- seq. Compaction deletes exactly the rows it merged, in the transaction that
-- writes the snapshot, so a row that is still here is not in the snapshot.
-- (`seq <= covers_seq` is not a safe test for "merged": identity values are
-- handed out when a row is inserted, not when it commits, so a row with a
-- smaller seq can become visible after a larger one.)

create table doc_updates (
  plan_id    uuid not null references plans (id) on delete cascade,
  -- One sequence for all plans; within a plan it orders the rows.
  seq        bigint generated always as identity,
  -- A Yjs update (v1 encoding), usually several merged by one group commit.
  update     bytea not null,
  created_at timestamptz not null default now(),
  primary key (plan_id, seq)
);

create table doc_snapshots (
  plan_id    uuid primary key references plans (id) on delete cascade,
  -- Y.encodeStateAsUpdate of the merged, garbage-collected document.
  state      bytea not null,
  -- The highest seq merged into this snapshot so far: for diagnostics.
  covers_seq bigint not null,
  updated_at timestamptz not null default now()
);
