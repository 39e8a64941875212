import { z } from "zod";
import { RoleSchema, TeamSchema } from "./membership";

/**
 * Schemas of every form and JSON body of accounts, members and plans. The
 * browser validates with them for instant messages; the server validates with
 * the same ones before it changes anything.
 */

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Keep ${label} under ${max + 1} characters.`);

/** What an e-mail field says when it is empty or malformed. */
export interface EmailMessages {
  missing: string;
  invalid: string;
}

/**
 * An e-mail address, trimmed and lower-cased. The messages are a parameter
 * because whose address it is changes the wording: "your" when signing in,
 * "their" when inviting someone else.
 */
export function emailSchema(messages: EmailMessages) {
  return z
    .string({ error: messages.missing })
    .trim()
    .toLowerCase()
    .max(254, "That e-mail address is too long.")
    .pipe(z.email({ error: messages.invalid }));
}

const INVALID_EMAIL = "Enter a valid e-mail address, like name@company.com.";

/** The person's own address: login, sign-up, joining through an invite. */
export const EmailSchema = emailSchema({ missing: "Enter your e-mail address.", invalid: INVALID_EMAIL });

export const MIN_PASSWORD = 10;
export const NewPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`)
  .max(200, "Use at most 200 characters.");

export const SignupSchema = z.object({
  name: trimmed("your name", 100),
  email: EmailSchema,
  password: NewPasswordSchema,
  workspace: trimmed("a workspace name", 100),
});

/** Joining through an invite: the workspace already exists. */
export const InviteSignupSchema = SignupSchema.omit({ workspace: true });

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
  redirectTo: z.string().optional(),
});

export const WorkspaceSchema = z.object({ name: trimmed("a workspace name", 100) });

/** A checkbox posts "on" when ticked and nothing when not. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** Role, team and sign-off right, as set on a member or an invite. */
export const MemberSettingsSchema = z.object({
  role: RoleSchema,
  team: TeamSchema,
  canSignOff: checkbox,
});

export const InviteLinkSchema = MemberSettingsSchema.extend({
  role: RoleSchema.exclude(["owner"], { error: "Invite as editor, commenter or viewer." }),
});

/** Adding someone else by their address: the messages speak of "their" e-mail. */
export const InviteByEmailSchema = MemberSettingsSchema.extend({
  email: emailSchema({ missing: "Enter their e-mail address.", invalid: INVALID_EMAIL }),
});

export const PERIOD_PATTERN = /^(\d{4})-Q([1-4])$/;
export const PeriodSchema = z
  .string({ error: "Enter a period." })
  .trim()
  .toUpperCase()
  .regex(PERIOD_PATTERN, { message: "Use a quarter like 2027-Q1.", abort: true })
  .refine((p) => {
    const year = Number(p.slice(0, 4));
    return year >= 2000 && year <= 2100;
  }, "Use a year between 2000 and 2100.");

export const CURRENCIES = ["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK"] as const;

export const PlanCreateSchema = z.object({
  title: trimmed("a title", 120),
  period: PeriodSchema,
  currency: z.enum(CURRENCIES, { error: "Choose a currency." }).default("USD"),
  /**
   * "Next quarter from this one": the plan whose content the new one starts
   * with; absent = the template (forms send "" for it, which Conform reads as absent).
   */
  copyFrom: z.uuid({ error: "Choose a plan of this workspace to copy." }).optional(),
});

/** The quarter after today's, the natural default for a new plan. */
export function nextQuarter(today: Date = new Date()): string {
  const q = Math.floor(today.getUTCMonth() / 3) + 1;
  return q === 4 ? `${today.getUTCFullYear() + 1}-Q1` : `${today.getUTCFullYear()}-Q${q + 1}`;
}
