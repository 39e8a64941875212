-- Comment threads on a plan, their comments, and the notifications they send
-- (DESIGN.md section 4). A thread hangs on a text range (two encoded Yjs
-- RelativePositions), a table row (its id) or a whole section; the quote keeps
-- what the anchor covered, shown when the text or row is gone.

create table comment_threads (
  id           uuid primary key default gen_random_uuid(),
  plan_id      uuid not null references plans (id) on delete cascade,
  author_id    uuid not null references users (id),
  anchor_kind  text not null check (anchor_kind in ('text', 'row', 'section')),
  -- The section the anchor belongs to (for a text anchor, its field's section).
  section      text not null check (section in (
    'strategy', 'targetMarkets', 'revenueGoals', 'campaigns', 'leadDefinitions', 'journey', 'glossary')),
  -- Text anchors: the rich-text field, and base64 of the two RelativePositions.
  field        text check (field in ('strategy', 'journey', 'mqlCriteria', 'sqlCriteria')),
  anchor_start text,
  anchor_end   text,
  -- Row anchors: the row's stable id.
  row_id       uuid,
  quote        text not null default '' check (char_length(quote) <= 500),
  blocking     boolean not null default false,
  status       text not null default 'open' check (status in ('open', 'resolved')),
  resolved_by  uuid references users (id),
  resolved_at  timestamptz,
  created_at   timestamptz not null default now(),
  -- The last comment, resolution or reopening.
  updated_at   timestamptz not null default now(),
  -- Each kind of anchor has exactly the columns it needs.
  constraint comment_threads_text_anchor check (
    anchor_kind <> 'text'
    or (field is not null and anchor_start is not null and anchor_end is not null and row_id is null)),
  constraint comment_threads_row_anchor check (
    anchor_kind <> 'row'
    or (row_id is not null and field is null and anchor_start is null and anchor_end is null
        and section in ('targetMarkets', 'revenueGoals', 'campaigns', 'glossary'))),
  constraint comment_threads_section_anchor check (
    anchor_kind <> 'section'
    or (row_id is null and field is null and anchor_start is null and anchor_end is null)),
  -- A resolved thread says who resolved it and when; an open one does not.
  constraint comment_threads_resolution check (
    (status = 'resolved') = (resolved_at is not null and resolved_by is not null)
    and (resolved_at is null) = (resolved_by is null))
);
-- The side panel lists a plan's threads in order of creation.
create index comment_threads_plan_idx on comment_threads (plan_id, created_at);

create table comments (
  id         uuid primary key default gen_random_uuid(),
  thread_id  uuid not null references comment_threads (id) on delete cascade,
  author_id  uuid not null references users (id),
  -- Plain text; blanked (with the mentions) when the comment is deleted, the row stays.
  body       text not null check (char_length(body) <= 10000),
  -- Members the comment mentions and still names in its body.
  mentions   uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  edited_at  timestamptz,
  deleted_at timestamptz,
  constraint comments_body_present check (
    case when deleted_at is null then char_length(body) > 0 else body = '' and mentions = '{}' end)
);
create index comments_thread_idx on comments (thread_id, created_at);

create table notifications (
  id           uuid primary key default gen_random_uuid(),
  user_id      uuid not null references users (id) on delete cascade,
  -- Copied from the plan, so the inbox shows only workspaces the user still belongs to.
  workspace_id uuid not null references workspaces (id) on delete cascade,
  plan_id      uuid not null references plans (id) on delete cascade,
  thread_id    uuid not null references comment_threads (id) on delete cascade,
  -- The comment that mentioned or replied; null for resolved and reopened.
  comment_id   uuid references comments (id) on delete cascade,
  actor_id     uuid not null references users (id) on delete cascade,
  kind         text not null check (kind in ('mention', 'reply', 'resolved', 'reopened')),
  created_at   timestamptz not null default now(),
  read_at      timestamptz,
  constraint notifications_comment_kinds check ((comment_id is null) = (kind in ('resolved', 'reopened')))
);
-- A comment mentions (or answers) a member once, however often it is edited.
create unique index notifications_once_idx on notifications (user_id, comment_id, kind) where comment_id is not null;
-- The unread count and the unread inbox.
create index notifications_unread_idx on notifications (user_id, created_at desc) where read_at is null;
-- The whole inbox, newest first.
create index notifications_user_idx on notifications (user_id, created_at desc);
