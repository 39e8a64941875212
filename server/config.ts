import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgres:// URL." }).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters.").optional(),
  APP_ORIGIN: z.url({ error: "APP_ORIGIN must be a URL like https://accord.example.com." }).optional(),
  SEED_DEMO: z
    .enum(["true", "false"], { error: "SEED_DEMO must be true or false." })
    .default("true")
    .transform((v) => v === "true"),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number({ error: "COLLAB_MAX_MESSAGE_BYTES must be a number of bytes." })
    .int()
    .min(64 * 1024, "COLLAB_MAX_MESSAGE_BYTES must be at least 65536.")
    .max(256 * 1024 * 1024, "COLLAB_MAX_MESSAGE_BYTES must be at most 268435456.")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** The process configuration, read once at start from the environment. */
export interface Config {
  mode: "development" | "production";
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string | undefined;
  appOrigin: string | undefined;
  seedDemo: boolean;
  logLevel: string;
  /** Largest websocket frame of /collab; default MAX_MESSAGE_BYTES (app/domain/collab.ts). */
  collabMaxMessageBytes: number | undefined;
}

/** Parses the environment, or throws one readable message listing every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    mode: e.NODE_ENV === "development" ? "development" : "production",
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    sessionSecret: e.SESSION_SECRET,
    appOrigin: e.APP_ORIGIN ? new URL(e.APP_ORIGIN).origin : undefined,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    collabMaxMessageBytes: e.COLLAB_MAX_MESSAGE_BYTES,
  };
}
