// All settings come from environment variables, parsed here and nowhere else.
import { isIP } from 'node:net';
import { z } from 'zod';
import { translator } from './i18n/index.js';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const boolFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (what: string) =>
  z
    .string()
    .trim()
    .url({ message: `expected ${what}, e.g. https://example.com` })
    .transform((v) => v.replace(/\/+$/, ''));

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'expected a port number 0–65535' })
    .int('expected a port number 0–65535')
    .min(0, 'expected a port number 0–65535')
    .max(65535, 'expected a port number 0–65535')
    .default(3000),
  // Loopback unless the operator opens it up: the demo console has no password.
  HOST: z.string().trim().min(1, 'expected a listen address such as 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^(postgres(ql)?:\/\/|file:)/.test(v),
    'expected postgresql://… or file:… (leave unset for the embedded SQLite file under data/)',
  ),
  PUBLIC_BASE_URL: url('the public base URL of this server').optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TZ_DEFAULT: z
    .string()
    .default('Asia/Shanghai')
    .refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai'),
  LOCALE_DEFAULT: z.enum(['zh-CN', 'en'], { message: 'expected zh-CN or en' }).default('zh-CN'),
  CONSOLE_TOKEN: optionalString.refine(
    (v) => v === undefined || v.length >= 16,
    'expected at least 16 characters (it lets its holder act as any employee)',
  ),
  LINK_SIGNING_SECRET: optionalString.refine(
    (v) => v === undefined || v.length >= 32,
    'expected at least 32 random characters',
  ),
  SURVEY_LINK_DAYS: z.coerce
    .number({ message: 'expected a number of days' })
    .int('expected a whole number of days')
    .min(1, 'expected 1 to 90 days')
    .max(90, 'expected 1 to 90 days')
    .default(7),
  SURVEY_REMINDER_HOURS: z.coerce
    .number({ message: 'expected a number of hours' })
    .int('expected a whole number of hours')
    .min(1, 'expected 1 to 720 hours')
    .max(720, 'expected 1 to 720 hours')
    .default(24),
  DEMO_SEED: z.enum(['auto', 'never'], { message: 'expected auto (seed an empty database) or never' }).default('auto'),
  REDIS_URL: optionalString,
  JOB_SCHEDULES: optionalString.refine(
    (v) => v === undefined || parseJobSchedules(v) !== null,
    'expected job=cron pairs separated by ";", e.g. kpi.nightly=0 4 * * *',
  ),
  API_SIGNING_SECRET: optionalString.refine(
    (v) => v === undefined || v.length >= 32,
    'expected at least 32 random characters',
  ),
  API_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ message: 'expected a whole number of requests per minute, 1–100000' })
    .int('expected a whole number of requests per minute, 1–100000')
    .min(1, 'expected a whole number of requests per minute, 1–100000')
    .max(100_000, 'expected a whole number of requests per minute, 1–100000')
    .default(600),
  SOURCES_DIR: optionalString,

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: url('the Slack Web API base URL').optional(),

  WECOM_CORP_ID: optionalString,
  WECOM_AGENT_ID: optionalString,
  WECOM_SECRET: optionalString,
  WECOM_TOKEN: optionalString,
  WECOM_ENCODING_AES_KEY: optionalString.refine(
    (v) => v === undefined || /^[A-Za-z0-9+/]{43}$/.test(v),
    'expected the 43-character EncodingAESKey from the WeCom admin console',
  ),
  WECOM_API_BASE: url('the WeCom API base URL').default('https://qyapi.weixin.qq.com'),

  DINGTALK_CLIENT_ID: optionalString,
  DINGTALK_CLIENT_SECRET: optionalString,
  DINGTALK_ROBOT_CODE: optionalString,
  DINGTALK_STREAM: boolFlag,
  DINGTALK_API_BASE: url('the DingTalk API base URL').default('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: url('the DingTalk OAPI base URL').default('https://oapi.dingtalk.com'),
});

export type Env = z.infer<typeof envSchema>;

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl: string;
}
export interface WecomConfig {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiBase: string;
}
export interface DingtalkConfig {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  stream: boolean;
  apiBase: string;
  oapiBase: string;
}

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl?: string;
  publicBaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  timeZone: string;
  locale: 'zh-CN' | 'en';
  consoleToken?: string;
  linkSigningSecret?: string;
  demoSeed: boolean;
  redisUrl?: string;
  /** Cron expressions replacing a job's own schedule, by job name (JOB_SCHEDULES). */
  jobSchedules: Readonly<Record<string, string>>;
  /** Survey links expire after this many days; one reminder after this many hours unanswered. */
  surveys: { linkDays: number; reminderHours: number };
  /** /api/v1: HMAC body signatures required when `signingSecret` is set; requests per minute per key. */
  api: { signingSecret?: string; rateLimitPerMinute: number };
  /** Connector source files (YAML); `sources/` under the repository root when unset. */
  sourcesDir?: string;
  /** SOURCE_* variables: the only secrets a connector source file may name. */
  sourceSecrets: Readonly<Record<string, string>>;
  slack?: SlackConfig;
  wecom?: WecomConfig;
  dingtalk?: DingtalkConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// A platform is on exactly when all its required variables are set; a partial set is a mistake
// worth stopping for, because the operator clearly meant to turn it on.
function platform<K extends keyof Env>(env: Env, keys: K[], problems: string[], name: string): boolean {
  const set = keys.filter((k) => env[k] !== undefined);
  if (set.length === 0) return false;
  if (set.length < keys.length) {
    const missing = keys.filter((k) => env[k] === undefined);
    for (const k of missing) problems.push(`${String(k)}: required to enable ${name} (${set.join(', ')} set)`);
    return false;
  }
  return true;
}

export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.');
        const got = source[name];
        return `${name}: ${i.message}${got === undefined ? '' : ` (got "${String(got).slice(0, 40)}")`}`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  const slackOn = platform(env, ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'], problems, 'Slack');
  const wecomOn = platform(
    env,
    ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'],
    problems,
    'WeCom',
  );
  const dingOn = platform(
    env,
    ['DINGTALK_CLIENT_ID', 'DINGTALK_CLIENT_SECRET', 'DINGTALK_ROBOT_CODE'],
    problems,
    'DingTalk',
  );
  // A password-free demo console on a network address would show every employee's scores to
  // anyone who can reach it, so that combination is refused rather than warned about.
  if (!slackOn && !wecomOn && !dingOn && !env.CONSOLE_TOKEN && !isLoopback(env.HOST)) {
    problems.push(`HOST: ${translator(env.LOCALE_DEFAULT)('runtime.console_token_required', { host: env.HOST })}`);
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`,
    logLevel: env.LOG_LEVEL,
    timeZone: env.TZ_DEFAULT,
    locale: env.LOCALE_DEFAULT,
    consoleToken: env.CONSOLE_TOKEN,
    linkSigningSecret: env.LINK_SIGNING_SECRET,
    demoSeed: env.DEMO_SEED === 'auto',
    redisUrl: env.REDIS_URL,
    jobSchedules: env.JOB_SCHEDULES ? (parseJobSchedules(env.JOB_SCHEDULES) ?? {}) : {},
    surveys: { linkDays: env.SURVEY_LINK_DAYS, reminderHours: env.SURVEY_REMINDER_HOURS },
    api: { signingSecret: env.API_SIGNING_SECRET, rateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE },
    sourcesDir: env.SOURCES_DIR,
    sourceSecrets: sourceSecrets(source),
    slack: slackOn
      ? {
          botToken: env.SLACK_BOT_TOKEN as string,
          signingSecret: env.SLACK_SIGNING_SECRET as string,
          appToken: env.SLACK_APP_TOKEN,
          apiUrl: env.SLACK_API_URL ?? 'https://slack.com/api',
        }
      : undefined,
    wecom: wecomOn
      ? {
          corpId: env.WECOM_CORP_ID as string,
          agentId: env.WECOM_AGENT_ID as string,
          secret: env.WECOM_SECRET as string,
          token: env.WECOM_TOKEN as string,
          encodingAesKey: env.WECOM_ENCODING_AES_KEY as string,
          apiBase: env.WECOM_API_BASE,
        }
      : undefined,
    dingtalk: dingOn
      ? {
          clientId: env.DINGTALK_CLIENT_ID as string,
          clientSecret: env.DINGTALK_CLIENT_SECRET as string,
          robotCode: env.DINGTALK_ROBOT_CODE as string,
          stream: env.DINGTALK_STREAM,
          apiBase: env.DINGTALK_API_BASE,
          oapiBase: env.DINGTALK_OAPI_BASE,
        }
      : undefined,
  };
}

/** 127.0.0.0/8, ::1, localhost: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** Demo mode: no chat platform configured, so the console is the only way in. */
export function isDemoMode(config: Config): boolean {
  return !config.slack && !config.wecom && !config.dingtalk;
}

/** `kpi.nightly=0 4 * * *;payroll.late-records=15 5 * * *` → { name: cron }; null when malformed. */
export function parseJobSchedules(value: string): Record<string, string> | null {
  const schedules: Record<string, string> = {};
  for (const pair of value.split(';')) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    if (at <= 0) return null;
    const name = pair.slice(0, at).trim();
    const cron = pair.slice(at + 1).trim();
    if (!/^[a-z][a-z0-9.-]*$/.test(name) || !cron) return null;
    schedules[name] = cron;
  }
  return schedules;
}

/** The SOURCE_* variables, by name: connector credentials a source file refers to by name. */
function sourceSecrets(source: NodeJS.ProcessEnv): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (/^SOURCE_[A-Z0-9_]+$/.test(name) && value) secrets[name] = value;
  }
  return secrets;
}
