/**
 * The status webhook address check. Part of the Phone's own code (not the lazily loaded outbox)
 * so that `configure()` and `call()` refuse a bad webhook at once, before anything is kept.
 */
import { inputError } from './errors.js';

/** http: is allowed only where nothing crosses a network: Basic credentials would travel in clear. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const MAX_URL_LENGTH = 2048;

/** Refuses webhook URLs that are not https (http only on this machine), or that carry credentials. */
export function checkWebhookUrl(url: string): string {
  if (url.length > MAX_URL_LENGTH) {
    throw inputError('invalid-config', 'statusWebhook', `The status webhook URL is too long (at most ${MAX_URL_LENGTH} characters).`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw inputError('invalid-config', 'statusWebhook', `The status webhook URL "${url.slice(0, 80)}" is not a valid URL.`);
  }
  if (parsed.username || parsed.password) {
    throw inputError('invalid-config', 'statusWebhook', 'Put the status webhook credentials in statusWebhook.username/password, not in the URL.');
  }
  if (parsed.protocol === 'https:') return parsed.href;
  if (parsed.protocol === 'http:') {
    if (LOCAL_HOSTS.has(parsed.hostname)) return parsed.href;
    throw inputError(
      'invalid-config',
      'statusWebhook',
      `The status webhook must use https:// (http:// is only allowed for localhost): use https://${parsed.host}${parsed.pathname}.`,
    );
  }
  throw inputError('invalid-config', 'statusWebhook', 'The status webhook URL must start with https:// (or http:// on localhost).');
}
