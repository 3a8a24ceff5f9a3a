/** The SIP server address check: part of the Phone's public API, so it stays out of the lazy chunks. */
import { inputError } from './errors.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks the WebSocket server URL: `wss:` required, `ws:` only on this machine. */
export function checkServerUrl(server: string | undefined): string {
  if (!server) throw inputError('missing-config', 'server', 'No SIP server is configured: set the WebSocket address (wss://...).');
  // The URL parser silently drops line breaks and tabs: refuse them rather than connect somewhere else.
  if (/[\s\p{Cc}\p{Cf}]/u.test(server)) {
    throw inputError('invalid-server', 'server', 'The SIP server address contains spaces, line breaks or invisible characters.');
  }
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw inputError('invalid-server', 'server', `"${server.slice(0, 80)}" is not a WebSocket address (wss://host/path).`);
  }
  if (url.username || url.password) {
    throw inputError('invalid-server', 'server', 'Put SIP credentials in the auth option, never in the server address.');
  }
  if (url.protocol === 'wss:') return url.href;
  if (url.protocol === 'ws:') {
    if (LOCAL_HOSTS.has(url.hostname)) return url.href;
    throw inputError('insecure-server', 'server', `Unencrypted ws:// is only allowed for localhost. Use wss://${url.host}${url.pathname}.`);
  }
  throw inputError('invalid-server', 'server', 'The SIP server address must start with wss:// (or ws:// for localhost).');
}
