// Types for far-end.mjs (what the far end of the loopback SIP stack saw).

export interface SipMessage {
  /** 'in' = received by Kamailio, 'out' = sent by Kamailio */
  direction: 'in' | 'out';
  /** epoch ms (microsecond precision) when Kamailio received / sent it */
  time: number;
  /** 'ip:port' */
  src: string;
  dst: string;
  /** 'udp' | 'ws' | 'tcp' ... */
  proto: string;
  startLine: string;
  /** request method, or for a response the CSeq method */
  method?: string;
  /** request URI (requests only) */
  ruri?: string;
  /** status code (responses only) */
  status?: number;
  reason?: string;
  callId: string;
  /** raw CSeq value, e.g. '1 INVITE' */
  cseq: string;
  /** in wire order, names as written */
  headers: Array<[string, string]>;
  body: string;
  /** the whole message as on the wire */
  raw: string;
}

export function sipMessages(dir: string): SipMessage[];
export function header(msg: Pick<SipMessage, 'headers'>, name: string): string | undefined;
export function headers(msg: Pick<SipMessage, 'headers'>, name: string): string[];
export function uriUser(uri: string | undefined): string | undefined;
export function invitesTo(dir: string, number: string): SipMessage[];
export function messagesForCall(dir: string, callId: string): SipMessage[];
/** Waits until the dump holds every message Kamailio handled before the call (a marker OPTIONS over UDP). */
export function sipDumpCaughtUp(dir: string, timeoutMs?: number): Promise<void>;
/** The messages of one Call-ID once the dump has caught up. */
export function messagesForCallNow(dir: string, callId: string): Promise<SipMessage[]>;
export function finalResponse(dir: string, callId: string):
  { status: number; reason: string; msg: SipMessage } | undefined;

/** A log under DIR/logs without its .log ending: baresip, rtpengine-dtmf, sipp-answer-actions, kamailio, rtpengine... */
export type LogName = string;
export function logSize(dir: string, name?: LogName): number;
export function logMarks(dir: string): { baresip: number; rtpengineDtmf: number; sippAnswer: number };

export function baresipDtmf(dir: string, since?: number): { rfc4733: string[]; info: string[]; offset: number };

export interface RtpengineDtmfCall {
  /** digits sent by the caller (source_tag = the INVITE's From-tag) */
  caller: string[];
  bySourceTag: Record<string, string[]>;
  events: Array<{ digit: string; sourceTag: string; sourceIp: string; duration: number; volume: number; time: number }>;
}
export function rtpengineDtmf(dir: string, since?: number): Record<string, RtpengineDtmfCall>;

export function sippInfoDigits(dir: string, callId?: string, since?: number): Array<{ digit: string; callId: string }>;

export interface BaresipRecording {
  /** WAV of the audio baresip decoded = what the caller sent */
  dec: string;
  /** WAV of the audio baresip encoded and sent back (echo) */
  enc: string | undefined;
  stamp: string;
  startedAt: number;
  mtime: number;
  size: number;
  callId: string | undefined;
  overwritten: boolean;
}
export function baresipRecordings(dir: string): BaresipRecording[];

export interface AudioWindows {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  samples: number;
  durationMs: number;
  windowMs: number;
  rms: number[];
}
export function audioWindows(wavPath: string, windowMs?: number): AudioWindows;
export function silences(audio: AudioWindows, opts?: { threshold?: number; minMs?: number }):
  Array<{ startMs: number; endMs: number; ms: number }>;

export function waitFor<T>(fn: () => T | Promise<T>, timeoutMs?: number, intervalMs?: number): Promise<NonNullable<T>>;
