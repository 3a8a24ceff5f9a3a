/** The caller IDs the place-call field offers: the phone's `fromNumbers`, and "Withheld" where `allowAnonymous`. */
import { strings } from '../../i18n/strings.js';
import type { Phone } from '../../phone/phone.js';
import type { CallerIdentity } from '../../phone/types.js';

export interface CallerIdChoice {
  text: string;
  from: CallerIdentity | string;
}

export function callerIdChoices(phone: Phone | undefined): CallerIdChoice[] {
  const config = phone?.config;
  if (!config) return [];
  const choices: CallerIdChoice[] = (config.fromNumbers ?? []).map((from) => ({
    from,
    text: typeof from === 'string' ? from : from.displayName ? `${from.displayName} (${from.uri})` : from.uri ?? '',
  }));
  if (config.allowAnonymous) choices.push({ from: 'anonymous', text: strings.callerIdWithheld });
  return choices;
}

/** The caller ID picked in the field (`index` in the choices), when the phone has a choice. */
export function pickedCallerId(phone: Phone | undefined, index: number): CallerIdentity | string | undefined {
  const choices = callerIdChoices(phone);
  return choices.length > 1 ? (choices[index] ?? choices[0]).from : undefined;
}
