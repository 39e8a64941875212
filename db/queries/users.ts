import type { Db } from "../sql";

export interface UserRow {
  id: string;
  email: string;
  name: string;
}

export async function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string },
): Promise<UserRow> {
  const [row] = await db<UserRow[]>`
    insert into users (email, name, password_hash)
    values (${user.email}, ${user.name}, ${user.passwordHash})
    returning id, email, name`;
  return row!;
}

export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<(UserRow & { passwordHash: string }) | undefined> {
  const [row] = await db<(UserRow & { passwordHash: string })[]>`
    select id, email, name, password_hash as "passwordHash"
    from users where lower(email) = lower(${email})`;
  return row;
}

/** Is the unique-constraint error of `users_email_key`? */
export function isDuplicateEmail(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: string }).code === "23505" &&
    (error as { constraint_name?: string }).constraint_name === "users_email_key"
  );
}
