-- Field feedback (DESIGN.md section 6): what sales hears from customers,
-- filed by anyone in the workspace and triaged by marketing (new, planned,
-- done, declined) with a reply; the author is told when it moves.
-- Target markets and campaigns live in the plan's document, not in tables,
-- so their ids are not foreign keys: the app checks them against the
-- document when an item is written, and shows a removed row as removed.

-- Whether no element of the array is null or there twice.
create function is_distinct_set(items text[]) returns boolean
language sql immutable as $$
  select count(x) = count(*) and count(distinct x) = count(*) from unnest(items) as x;
$$;

create table feedback (
  id               uuid primary key default gen_random_uuid(),
  workspace_id     uuid not null references workspaces (id) on delete cascade,
  author_id        uuid not null references users (id),
  -- The customer or prospect the insight is about.
  account          text not null check (char_length(account) between 1 and 200),
  -- What the customer said, in the author's words.
  insight          text not null check (char_length(insight) between 1 and 5000),
  tags             text[] not null,
  -- The plan it relates to, and a row of that plan's document.
  plan_id          uuid references plans (id) on delete cascade,
  target_market_id uuid,
  campaign_id      uuid,
  -- The plan section marketing linked the item to.
  section          text check (section in (
    'strategy', 'targetMarkets', 'revenueGoals', 'campaigns', 'leadDefinitions', 'journey', 'glossary')),
  status           text not null default 'new' check (status in ('new', 'planned', 'done', 'declined')),
  reply            text check (char_length(reply) between 1 and 5000),
  -- Who last changed the status, the reply or the section link, and when.
  triaged_by       uuid references users (id) on delete set null,
  triaged_at       timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  -- At least one tag, each one of the five, none twice.
  constraint feedback_tags_known check (
    cardinality(tags) >= 1
    and tags <@ array['objection', 'competitor', 'pricing', 'product_gap', 'content_request']::text[]
    and is_distinct_set(tags)),
  -- A market, a campaign or a section is always one of a plan.
  constraint feedback_links_need_plan check (
    plan_id is not null or (target_market_id is null and campaign_id is null and section is null)),
  constraint feedback_triage_pair check ((triaged_by is null) or (triaged_at is not null))
);
-- The list: a workspace's items, newest first (and the paging cursor).
create index feedback_workspace_created_idx on feedback (workspace_id, created_at desc, id desc);
-- A plan's items: the dashboard's counts by tag.
create index feedback_plan_idx on feedback (plan_id) where plan_id is not null;
-- "Mine".
create index feedback_author_idx on feedback (author_id, created_at desc);

-- The author is told when marketing moves an item. Such a notification is
-- about the item, not about a thread, and an item need not name a plan.
alter table notifications
  add column feedback_id uuid references feedback (id) on delete cascade,
  -- The status the change set; null when only the reply changed.
  add column feedback_status text check (feedback_status in ('new', 'planned', 'done', 'declined'));
alter table notifications alter column plan_id drop not null;
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'mention', 'reply', 'resolved', 'reopened', 'review_requested', 'changes_requested', 'plan_approved',
  'feedback_triaged'));
alter table notifications drop constraint notifications_thread_kinds;
alter table notifications add constraint notifications_thread_kinds
  check (thread_id is not null or kind in ('review_requested', 'plan_approved', 'feedback_triaged'));
-- Every kind but feedback_triaged is about a plan; an item is the workspace's,
-- whatever plan it names (its author may still change that).
alter table notifications add constraint notifications_plan_kinds
  check ((plan_id is null) = (kind = 'feedback_triaged'));
-- feedback_triaged names its item and no thread; no other kind names an item.
alter table notifications add constraint notifications_feedback_kinds check (
  case when kind = 'feedback_triaged' then feedback_id is not null and thread_id is null
       else feedback_id is null and feedback_status is null end);
create index notifications_feedback_idx on notifications (feedback_id) where feedback_id is not null;
