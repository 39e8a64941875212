-- How many live changes each plan has had (threads, sign-off, versions,
-- actuals): bumped in the same transaction as the change's NOTIFY
-- (db/queries/live-events.ts). A page records the count its data was read
-- at; the event stream reports the count when it starts listening. When the
-- second is higher, something changed in the moment between reading the page
-- and opening the stream, an event the page never received, and it reads its
-- data again. Its own table, so a comment never waits on a lock of the plan's
-- row.

create table plan_live_seq (
  plan_id uuid primary key references plans (id) on delete cascade,
  seq     bigint not null check (seq > 0)
);
