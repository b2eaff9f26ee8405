/** The cloud API's configuration, read once from the environment. */
import { z } from 'zod';

const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  CASEBRIDGE_MIGRATION_DATABASE_URL: z.string().url().optional(),
  CASEBRIDGE_DATA_DIR: z.string().default('.data/server'),
  CASEBRIDGE_DB_KEY: z.string().regex(/^[0-9a-f]{64}$/i, 'CASEBRIDGE_DB_KEY must be 64 hex characters').optional(),
  CASEBRIDGE_JWT_SECRET: z.string().min(32, 'CASEBRIDGE_JWT_SECRET must be at least 32 characters').optional(),
  CASEBRIDGE_TOTP_KEY: z.string().regex(/^[0-9a-f]{64}$/i, 'CASEBRIDGE_TOTP_KEY must be 64 hex characters').optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4318),
  CASEBRIDGE_ACCESS_TOKEN_SECONDS: z.coerce.number().int().min(30).max(900).default(900),
  CASEBRIDGE_REFRESH_TOKEN_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  CASEBRIDGE_DASH_REASSESSMENT_WEEKS: z.coerce.number().int().min(1).max(52).default(8),
  CASEBRIDGE_TRUST_PROXY: z.string().default('').transform((v) => v.split(',').map((p) => p.trim()).filter((p) => p !== ''))
    .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: 'each entry must be an IP address or CIDR range' }))),
  CASEBRIDGE_AUDIT_ORIGIN: z.string().regex(/^[^\s+\u2014]+$/u, 'CASEBRIDGE_AUDIT_ORIGIN must be text without spaces or "+"').optional(),
  CASEBRIDGE_AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  CASEBRIDGE_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  CASEBRIDGE_AUDIT_WITNESS_URL: z.url({ protocol: /^https?$/ }).optional(),
  CASEBRIDGE_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(10).max(86_400).optional(),
  CASEBRIDGE_AUDIT_VERIFY_KEY: z.string().min(1).optional(),
});

/** Where the database lives: an embedded SQLite file or a PostgreSQL URL. */
export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string; key?: string }
  | {
    dialect: 'postgres'; url: string;
    /** The owner role's URL: when set, migrations run through it and the `url` role gets only the API's grants. */
    migrationUrl?: string;
  };

/** The audit log's settings; none of them is stored in the database. */
export interface AuditLogConfig {
  /** The log's name: the checkpoint's origin line and the signing key's name. */
  origin: string;
  /** The Ed25519 note key file (`npm run audit:keygen`). */
  signingKeyFile: string;
  /** True when the key file is the data-dir default, which is created when missing (development and demo). */
  createKeyIfMissing: boolean;
  /** The append-only file every signed checkpoint is added to, one JSON line each. */
  checkpointFile: string;
  /** Optional witness or webhook URL each new checkpoint is POSTed to as text. */
  witnessUrl?: string | undefined;
  /** How often the server signs a checkpoint when the log has grown. */
  checkpointSeconds: number;
  /** The verifier key `audit:verify` checks checkpoints with; by default derived from the signing key. */
  verifyKey?: string | undefined;
}

/** Everything the server needs to start. */
export interface ServerConfig {
  database: DatabaseConfig;
  dataDir: string;
  host: string;
  port: number;
  /** HS256 signing secret for access tokens; when absent the embedded server keeps one in its data dir. */
  jwtSecret: string | undefined;
  /** AES-256 key (64 hex) sealing TOTP secrets at rest; when absent the embedded server keeps one in its data dir. */
  totpKey?: string | undefined;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /**
   * Addresses and CIDR ranges of reverse proxies whose `X-Forwarded-For` names the client (for
   * rate limits and audit IPs); absent or empty, the header is ignored and the peer address is used.
   */
  trustProxy?: readonly string[];
  /** The audit log's key, checkpoint file and witness (resolved with defaults by `auditLogConfig`). */
  auditLog?: Partial<AuditLogConfig>;
  /** Weeks after a DASH assessment until a reassessment is due (docs/marac.md); 8 when absent. */
  dashReassessmentWeeks?: number;
}

/** Parses the environment; a bad value fails fast with a clear message naming the variable. */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  const database: DatabaseConfig = e.DATABASE_URL
    ? { dialect: 'postgres', url: e.DATABASE_URL, ...(e.CASEBRIDGE_MIGRATION_DATABASE_URL ? { migrationUrl: e.CASEBRIDGE_MIGRATION_DATABASE_URL } : {}) }
    : { dialect: 'sqlite', file: `${e.CASEBRIDGE_DATA_DIR}/casebridge.db`, ...(e.CASEBRIDGE_DB_KEY ? { key: e.CASEBRIDGE_DB_KEY } : {}) };
  return {
    database,
    dataDir: e.CASEBRIDGE_DATA_DIR,
    host: e.HOST,
    port: e.PORT,
    jwtSecret: e.CASEBRIDGE_JWT_SECRET,
    totpKey: e.CASEBRIDGE_TOTP_KEY,
    accessTokenSeconds: e.CASEBRIDGE_ACCESS_TOKEN_SECONDS,
    refreshTokenDays: e.CASEBRIDGE_REFRESH_TOKEN_DAYS,
    trustProxy: e.CASEBRIDGE_TRUST_PROXY,
    auditLog: {
      ...(e.CASEBRIDGE_AUDIT_ORIGIN ? { origin: e.CASEBRIDGE_AUDIT_ORIGIN } : {}),
      ...(e.CASEBRIDGE_AUDIT_SIGNING_KEY_FILE ? { signingKeyFile: e.CASEBRIDGE_AUDIT_SIGNING_KEY_FILE } : {}),
      ...(e.CASEBRIDGE_AUDIT_CHECKPOINT_FILE ? { checkpointFile: e.CASEBRIDGE_AUDIT_CHECKPOINT_FILE } : {}),
      ...(e.CASEBRIDGE_AUDIT_WITNESS_URL ? { witnessUrl: e.CASEBRIDGE_AUDIT_WITNESS_URL } : {}),
      ...(e.CASEBRIDGE_AUDIT_CHECKPOINT_SECONDS ? { checkpointSeconds: e.CASEBRIDGE_AUDIT_CHECKPOINT_SECONDS } : {}),
      ...(e.CASEBRIDGE_AUDIT_VERIFY_KEY ? { verifyKey: e.CASEBRIDGE_AUDIT_VERIFY_KEY } : {}),
    },
    dashReassessmentWeeks: e.CASEBRIDGE_DASH_REASSESSMENT_WEEKS,
  };
}
