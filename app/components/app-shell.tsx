import { Form, NavLink, useSubmit } from "@remix-run/react";
import { useRef, type ReactNode } from "react";
import { Logo } from "./logo";
import { Avatar } from "./person";
import type { Team } from "../domain/membership";

export interface ShellData {
  user: { name: string; email: string };
  team: Team;
  workspace: { id: string; name: string };
  workspaces: Array<{ id: string; name: string }>;
}

const MENU_ID = "account-menu";

/**
 * React 18 does not know the Popover API's attributes; spelled in lower case
 * they reach the HTML as they are. (React 19 calls them popover/popoverTarget.)
 */
const asPopover: Record<string, string> = { popover: "auto" };
const opensMenu: Record<string, string> = { popovertarget: MENU_ID };

/**
 * The frame of every signed-in page: brand, navigation, workspace switcher,
 * account. On wide screens everything sits in one bar. On narrow ones the
 * switcher and the account controls fold into an "Account" popover: the
 * browser gives it light dismiss, Escape and focus return, without JavaScript.
 * Browsers without popovers ignore the attribute and show the controls inline.
 */
export function AppShell({
  data,
  unread,
  children,
}: {
  data: ShellData;
  /** Unread notifications, live: the badge on "Inbox". */
  unread: number;
  children: ReactNode;
}) {
  const submit = useSubmit();
  const menu = useRef<HTMLDivElement>(null);
  const closeMenu = () => {
    try {
      menu.current?.hidePopover();
    } catch {
      // Not open, or no Popover API: nothing to close.
    }
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="/plans">
          <Logo />
          <span className="brand-name">Accord</span>
        </a>
        <nav className="topnav" aria-label="Main">
          <NavLink to="/plans">Plans</NavLink>
          <NavLink to="/members" className="members-link">
            Members
          </NavLink>
          <NavLink to="/feedback">Feedback</NavLink>
          <NavLink
            to="/inbox"
            aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox"}
            className="inbox-link"
          >
            Inbox
            {unread > 0 ? (
              <span className="nav-badge" aria-hidden="true">
                {unread > 99 ? "99+" : unread}
              </span>
            ) : null}
          </NavLink>
          <NavLink to="/audit" className="audit-link">
            Audit log
          </NavLink>
        </nav>
        <button className="button secondary small account-toggle" type="button" {...opensMenu}>
          <Avatar name={data.user.name} team={data.team} />
          <span className="account-toggle-label">Account</span>
          <svg className="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path
              d="M3 4.5 6 7.5l3-3"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
            />
          </svg>
        </button>
        <div id={MENU_ID} ref={menu} className="account-menu" {...asPopover}>
          <Form method="post" action="/workspaces/switch" className="workspace-switcher">
            <label htmlFor="workspace-switcher" className="workspace-label">
              Workspace
            </label>
            <select
              id="workspace-switcher"
              name="workspaceId"
              defaultValue={data.workspace.id}
              key={data.workspace.id}
              onChange={(e) => {
                submit(e.currentTarget.form);
                closeMenu();
              }}
            >
              {data.workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
            <noscript>
              <button className="button secondary small" type="submit">
                Switch
              </button>
            </noscript>
          </Form>
          <a className="button secondary small" href="/workspaces/new">
            New workspace
          </a>
          {/* On phones the bar has no room left: members and the audit log move in here. */}
          <NavLink to="/members" className="button secondary small menu-members-link" onClick={closeMenu}>
            Members
          </NavLink>
          <NavLink to="/audit" className="button secondary small menu-audit-link" onClick={closeMenu}>
            Audit log
          </NavLink>
          <p className="account-who" title={data.user.email}>
            <Avatar name={data.user.name} team={data.team} />
            <span className="account-text">
              <span className="account-label">Signed in as </span>
              <span className="account-name">{data.user.name}</span>
              <span className="account-email"> {data.user.email}</span>
            </span>
          </p>
          <Form method="post" action="/logout">
            <button className="button secondary small" type="submit">
              Log out
            </button>
          </Form>
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
