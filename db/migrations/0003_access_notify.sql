-- Access changes announce themselves: whatever code path removes a member,
-- changes a role or ends a session, the database tells every server process
-- (LISTEN accord_access), which re-checks the open websockets of that user.
-- Payload: {"userId": "...", "workspaceId": "..." | null, "sessionId": "..." | null}.

create function notify_membership_change() returns trigger
language plpgsql as $$
declare
  row memberships;
begin
  row := coalesce(new, old);
  if tg_op = 'UPDATE' and new.role = old.role then
    return null;
  end if;
  perform pg_notify('accord_access', json_build_object(
    'userId', row.user_id, 'workspaceId', row.workspace_id, 'sessionId', null)::text);
  return null;
end;
$$;

create trigger memberships_notify_access
  after update or delete on memberships
  for each row execute function notify_membership_change();

create function notify_session_end() returns trigger
language plpgsql as $$
begin
  perform pg_notify('accord_access', json_build_object(
    'userId', old.user_id, 'workspaceId', null, 'sessionId', old.id)::text);
  return null;
end;
$$;

create trigger sessions_notify_access
  after delete on sessions
  for each row execute function notify_session_end();

-- A plan's status decides who may write (an approved plan is locked for all).
create function notify_plan_status_change() returns trigger
language plpgsql as $$
begin
  if new.status is distinct from old.status then
    perform pg_notify('accord_plan_status', json_build_object(
      'planId', new.id, 'status', new.status)::text);
  end if;
  return null;
end;
$$;

create trigger plans_notify_status
  after update of status on plans
  for each row execute function notify_plan_status_change();
