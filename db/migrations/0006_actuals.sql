-- Actuals (DESIGN.md section 6): what really happened per plan, target
-- market and month, and what each campaign spent and brought in per month.
-- The dashboard compares them with the plan's targets. Markets and campaigns
-- live in the plan's document, not in tables, so their ids are not foreign
-- keys: the app checks them against the document as rows are written, and
-- the dashboard skips rows whose market or campaign has since gone.
-- Money is numeric (exact); the app reads it back as float8.

create table plan_actuals (
  plan_id            uuid not null references plans (id) on delete cascade,
  target_market_id   uuid not null,
  month              text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  revenue_won        numeric not null check (revenue_won >= 0),
  deals_won          integer not null check (deals_won >= 0),
  pipeline_created   numeric not null check (pipeline_created >= 0),
  mqls               integer not null check (mqls >= 0),
  sqls               integer not null check (sqls >= 0),
  followed_up_in_sla integer not null check (followed_up_in_sla >= 0),
  handed_off         integer not null check (handed_off >= 0),
  updated_by         uuid references users (id) on delete set null,
  updated_at         timestamptz not null default now(),
  primary key (plan_id, target_market_id, month),
  -- No more leads followed up in time than were handed off.
  constraint plan_actuals_sla_within_handed_off check (followed_up_in_sla <= handed_off)
);

-- The campaign's own MQLs: market MQLs cannot be split over campaigns after
-- the fact, and cost per MQL per campaign needs them.
create table campaign_spend (
  plan_id     uuid not null references plans (id) on delete cascade,
  campaign_id uuid not null,
  month       text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  spend       numeric not null check (spend >= 0),
  mqls        integer not null check (mqls >= 0),
  updated_by  uuid references users (id) on delete set null,
  updated_at  timestamptz not null default now(),
  primary key (plan_id, campaign_id, month)
);
