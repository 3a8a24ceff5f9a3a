/**
 * The phone's log: a level (`logLevel`, default `warn`) and where lines go (`logger(level,
 * message)`, default the console). sip.js's own output is routed through it too. Every line is
 * scrubbed of secrets first: Authorization headers, the SIP password, the webhook password and
 * TURN credentials never reach a logger.
 * @internal
 */
import type { LogLevel, PhoneConfig, PhoneLogger } from './types.js';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };
export const LOG_LEVELS = Object.keys(RANK) as LogLevel[];

/** The secrets of a configuration that a log line must never show. */
export function secretsOf(config: PhoneConfig): string[] {
  const secrets: string[] = [];
  if (config.auth && typeof config.auth === 'object') secrets.push(config.auth.password);
  if (config.statusWebhook?.password) secrets.push(config.statusWebhook.password);
  if (config.defaults?.statusWebhook?.password) secrets.push(config.defaults.statusWebhook.password);
  for (const server of config.iceServers ?? []) if (typeof server.credential === 'string') secrets.push(server.credential);
  return secrets.filter((secret) => secret.length > 0);
}

/** A line with its secrets replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
    .replace(/^((?:Proxy-)?Authorization:).*$/gim, '$1 [redacted]')
    // sip.js writes `authorizationPassword: NOT SHOWN`: the two words are its own redaction (one value).
    .replace(/("?(?:password|credential)"?\s*[:=]\s*)(NOT SHOWN\b|"[^"]*"|'[^']*'|\S+)/gi, '$1[redacted]');
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

/** Would a line of this level be written? */
export function logs(config: PhoneConfig, level: Exclude<LogLevel, 'off'>): boolean {
  return RANK[level] >= RANK[config.logLevel ?? 'warn'];
}

const consoleLogger: PhoneLogger = (level, message) => {
  const write = level === 'error' ? console.error : level === 'warn' ? console.warn : level === 'info' ? console.info : console.debug;
  write(`vc-phone ${message}`);
};

/** The log function of a phone: reads the configuration at each line (a new level applies at once). */
export function makeLog(config: () => PhoneConfig): PhoneLogger {
  return (level, message) => {
    const current = config();
    if (!logs(current, level)) return;
    const line = redact(String(message), secretsOf(current));
    try {
      (current.logger ?? consoleLogger)(level, line);
    } catch {
      // A page's logger that throws must not break a call.
    }
  };
}
