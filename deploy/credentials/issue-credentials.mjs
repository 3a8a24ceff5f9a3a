// What the CRM back end runs when an agent opens the page: short-lived SIP and TURN credentials
// (the scheme Kamailio's auth_ephemeral and coturn's use-auth-secret both check, and the one the
// e2e tests use: test/e2e/lib/browsers.mjs ephemeralCredential). The shared secret never leaves
// the back end; the browser gets credentials that expire.
import crypto from 'node:crypto';

/** username "<expiry unix time>:<agent id>", password base64(HMAC-SHA1(secret, username)). */
export function ephemeral(secret, agentId, ttlSeconds) {
  const username = `${Math.floor(Date.now() / 1000) + ttlSeconds}:${agentId}`;
  return { username, password: crypto.createHmac('sha1', secret).update(username).digest('base64') };
}

/** The JSON an authenticated agent's page fetches (e.g. GET /api/phone-credentials). */
export function phoneCredentials(agentId, { sipSecret, turnSecret, ttlSeconds = 600 } = {}) {
  const sip = ephemeral(sipSecret, agentId, ttlSeconds);
  const turn = ephemeral(turnSecret, agentId, ttlSeconds);
  return {
    server: 'wss://sip.example.com',
    aor: `sip:${agentId}@sip.example.com`,
    sip,
    iceServers: [
      { urls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:443?transport=tcp'], username: turn.username, credential: turn.password },
    ],
  };
}
