import { randomBytes } from "node:crypto";

/** What a person types into the sign-up form. */
export interface BuiltUser {
  name: string;
  email: string;
  password: string;
  workspace: string;
}

const PEOPLE = [
  ["Ada", "Lovelace"],
  ["Grace", "Hopper"],
  ["Alan", "Turing"],
  ["Katherine", "Johnson"],
  ["Edsger", "Dijkstra"],
  ["Barbara", "Liskov"],
  ["Donald", "Knuth"],
  ["Frances", "Allen"],
] as const;
const KINDS = ["Labs", "Analytics", "Systems", "Partners", "Works"] as const;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/**
 * Plausible, unique sign-up values, e.g. `Ada Lovelace`, `ada.3f9a0c1e@example.test`,
 * a 20-character password and `Lovelace Labs 3f9a`. Unique per call, so tests
 * sharing a database (or the e2e server) never collide. Free of db/ imports, so
 * Playwright specs can use it too.
 */
export function buildUser(overrides: Partial<BuiltUser> = {}): BuiltUser {
  const [first, last] = pick(PEOPLE);
  const tag = randomBytes(4).toString("hex");
  return {
    name: `${first} ${last}`,
    email: `${first.toLowerCase()}.${tag}@example.test`,
    password: `pw-${randomBytes(9).toString("base64url")}`,
    workspace: `${last} ${pick(KINDS)} ${tag.slice(0, 4)}`,
    ...overrides,
  };
}
