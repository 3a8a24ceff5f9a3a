/** What a click-to-dial link dials (see `click-to-dial.ts`): loaded with the phone wiring, not with the first paint. @internal */
import type { CallOptions, CallRecord } from '../../phone/types.js';

/** What the link dials: its address (percent-decoded) and the contact's name and record, when given. */
export function linkRequest(link: Element): { to: string; options: Pick<CallOptions, 'label' | 'record'> } {
  const href = (link.getAttribute('href') ?? '').trim();
  let to = href;
  try {
    to = decodeURIComponent(href);
  } catch {
    /* a malformed escape: the phone's checks say why */
  }
  // tel: links carry visual separators and parameters (`tel:+44-20-7946-0958;phone-context=...`):
  // phone-context does not change a global number, so it goes; any other parameter (an extension)
  // stays, for the phone to refuse in words rather than dial the number without it.
  if (/^tel:/i.test(to)) to = to.replace(/^tel:/i, 'tel:').split(';').filter((part) => !/^phone-context=/i.test(part)).join(';');
  const options: Pick<CallOptions, 'label' | 'record'> = {};
  const label = link.getAttribute('data-vc-label');
  if (label) options.label = label;
  const record = link.getAttribute('data-vc-record');
  if (record) {
    try {
      options.record = JSON.parse(record) as CallRecord;
    } catch {
      options.record = record;
    }
  }
  return { to, options };
}
