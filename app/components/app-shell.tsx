import { Form, NavLink, useSubmit } from "@remix-run/react";
import type { ReactNode } from "react";
import { Logo } from "./logo";
import { Avatar } from "./person";
import type { Team } from "../domain/membership";

export interface ShellData {
  user: { name: string; email: string };
  team: Team;
  workspace: { id: string; name: string };
  workspaces: Array<{ id: string; name: string }>;
}

/** The frame of every signed-in page: brand, navigation, workspace switcher, account. */
export function AppShell({ data, children }: { data: ShellData; children: ReactNode }) {
  const submit = useSubmit();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="/plans">
          <Logo />
          Accord
        </a>
        <nav className="topnav" aria-label="Main">
          <NavLink to="/plans">Plans</NavLink>
          <NavLink to="/members">Members</NavLink>
        </nav>
        <div className="topbar-end">
          <Form method="post" action="/workspaces/switch" className="row" style={{ gap: "0.4rem" }}>
            <label htmlFor="workspace-switcher" className="visually-hidden">
              Workspace
            </label>
            <select
              id="workspace-switcher"
              name="workspaceId"
              defaultValue={data.workspace.id}
              key={data.workspace.id}
              onChange={(e) => submit(e.currentTarget.form)}
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
          <span className="row" style={{ gap: "0.5rem" }} title={data.user.email}>
            <Avatar name={data.user.name} team={data.team} />
            <span className="visually-hidden">Signed in as {data.user.name}</span>
          </span>
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
