import type { ReactNode } from "react";
import { Logo } from "./logo";

/** The centred card of the login, sign-up and invite pages. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <main className="centered-page" id="main">
      <div className="card narrow">
        <div className="auth-brand">
          <a className="brand" href="/">
            <Logo />
            Accord
          </a>
        </div>
        <h1 style={{ textAlign: "center" }}>{title}</h1>
        {subtitle ? (
          <p className="muted" style={{ textAlign: "center", marginBottom: "1.5rem" }}>
            {subtitle}
          </p>
        ) : null}
        {children}
      </div>
    </main>
  );
}
