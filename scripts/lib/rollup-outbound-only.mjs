// Rollup plugin for the CDN build: replaces the parts of sip.js that only an ANSWERING or
// SUBSCRIBING user agent runs (and the part of its MD5 nothing uses) with small stand-ins, so an
// outbound phone does not download them. vc-phone places calls (incoming calls are out of scope)
// and never subscribes:
// - `Invitation` (an incoming INVITE as an API session, ~5 KB gzip): the stand-in answers every
//   new incoming INVITE "486 Busy Here", which is what sip.js itself does when the user agent has
//   no `onInvite` delegate (vc-phone sets none). In-dialog re-INVITEs (hold by the far end) do not
//   go through it: they stay with the session dialog.
// - `SubscribeUserAgentClient` (SUBSCRIBE and its subscription dialog, ~4 KB gzip): only sip.js's
//   `Subscriber` creates one; the stand-in throws if anything ever tries.
// - `Md5` (~2 KB gzip): digest authentication needs only its one-pass hex hash
//   (rollup-small-md5.mjs); the rest of it throws.
// Out-of-dialog NOTIFY, REFER inside a call (transfer) and every request the far end sends inside
// a call are untouched. sip.js's SIP parser is cut to the 21 start rules the bundle asks for by
// a separate plugin, rollup-slim-grammar.mjs (slim-grammar.mjs): the 13 others (Subscription-State,
// Supported, Require, Session-Expires, STUN/TURN URIs, sipfrag...) are only asked for by code this
// build leaves out, and the build fails if the bundle ever asks for one of them. `npm run bench:size` prints what the CDN build weighs; the e2e suite runs
// this build against the real stack.
import { SMALL_MD5 } from './rollup-small-md5.mjs';

const STANDINS = {
  'sip.js/lib/api/invitation.js': `
export class Invitation {
  constructor(userAgent, incomingInviteRequest) {
    this.incomingInviteRequest = incomingInviteRequest;
    this.autoSendAnInitialProvisionalResponse = false;
  }
  _onCancel() {}
  progress() { return Promise.resolve(); }
  reject(options) {
    this.incomingInviteRequest.reject({ statusCode: (options && options.statusCode) || 486 });
    return Promise.resolve();
  }
}`,
  'sip.js/lib/core/user-agents/subscribe-user-agent-client.js': `
export class SubscribeUserAgentClient {
  constructor() {
    throw new Error('SUBSCRIBE is not part of the vc-phone CDN build (outbound calls only).');
  }
}`,
  'sip.js/lib/core/messages/md5.js': SMALL_MD5,
};

const PREFIX = '\0vc-outbound-only:';

export function outboundOnly() {
  return {
    name: 'vc-outbound-only',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const key = Object.keys(STANDINS).find((path) => resolved.id.replaceAll('\\', '/').endsWith(`/node_modules/${path}`));
      return key ? PREFIX + key : null;
    },
    load(id) {
      return id.startsWith(PREFIX) ? STANDINS[id.slice(PREFIX.length)] : null;
    },
  };
}
