import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setStrings } from '../src/i18n/strings.js';
import { phoneWithCalls, type CallSpec, type Loaded } from './support.js';

interface Args {
  disabled: boolean;
  'disabled-reason': string;
  silent: boolean;
  calls: CallSpec[];
}

/**
 * The one-tag drop-in: a place-call field and a box per call. Every story runs on the fake
 * phone (`vc-phone/testing`), no SIP server involved.
 */
const meta: Meta<Args> = {
  title: 'Elements/vc-phone',
  component: 'vc-phone',
  tags: ['autodocs'],
  args: { disabled: false, 'disabled-reason': '', silent: true, calls: [] },
  argTypes: { calls: { control: false, table: { disable: true } } },
  loaders: [async ({ args }) => ({ ...(await phoneWithCalls(args.calls)) })],
  render: (args, { loaded }) =>
    html`<vc-phone
      .phone=${loaded.phone}
      ?disabled=${args.disabled}
      disabled-reason=${args['disabled-reason'] || 'Outbound calling is switched off.'}
      ?silent=${args.silent}
    ></vc-phone>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Idle: Story = {};

export const Dialing: Story = { args: { calls: [{ state: 'dialing' }] } };

export const Ringing: Story = { args: { calls: [{ state: 'ringing' }] } };

export const Connected: Story = { args: { calls: [{ state: 'connected' }] } };

export const Muted: Story = { args: { calls: [{ state: 'muted' }] } };

export const Ended: Story = { args: { calls: [{ state: 'ended' }] } };

export const FailedBusy: Story = { name: 'Failed (busy)', args: { calls: [{ state: 'failed', failStatus: 486 }] } };

export const MicrophoneDenied: Story = { name: 'Microphone denied', args: { calls: [{ state: 'mic-denied' }] } };

export const SeveralBoxes: Story = {
  name: 'Several boxes',
  args: {
    calls: [
      { state: 'failed', to: '+33 1 42 68 53 00', failStatus: 486 },
      { state: 'ended', to: '+61 2 9123 4567' },
      { state: 'connected', to: '+49 30 901820', color: 'green' },
      { state: 'ringing', to: '+1 415 555 0132' },
    ],
  },
};

export const ColourTags: Story = {
  name: 'Colour tags',
  args: {
    calls: [
      { state: 'connected', to: '+44 20 7946 0958', color: 'blue' },
      { state: 'ringing', to: '+1 415 555 0132', color: 'amber' },
      { state: 'ended', to: '+49 30 901820', color: 'red' },
      { state: 'connected', to: '+33 1 42 68 53 00', color: 'purple' },
    ],
  },
};

export const ConfirmDialogOpen: Story = {
  name: 'Confirm dialog open',
  args: { calls: [{ state: 'connected' }] },
  play: async ({ canvasElement }) => {
    const phone = canvasElement.querySelector('vc-phone')!;
    await phone.updateComplete;
    const list = phone.shadowRoot!.querySelector('vc-call-list')!;
    await list.updateComplete;
    const box = list.shadowRoot!.querySelector('vc-call-box')!;
    await box.updateComplete;
    box.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
  },
};

const FIVE: CallSpec[] = [
  { state: 'failed', to: '+33 1 42 68 53 00', failStatus: 486, label: 'Bistro Lafayette' },
  { state: 'ended', to: '+61 2 9123 4567', label: 'Sydney office' },
  { state: 'on-hold', to: '+49 30 901820', label: 'Jonas Becker', color: 'amber' },
  { state: 'ringing', to: '+1 415 555 0132', label: 'Priya Raman' },
  { state: 'connected', to: '+44 20 7946 0958', label: 'Alice Martin', color: 'green' },
];

/** Five calls at once: three live boxes pinned on top (one active, one on hold), two folded Recent rows. */
export const FiveCalls: Story = { name: 'Five calls', args: { calls: FIVE } };

/** The desk at 320 px: icons keep their names, the number is never cut by the colour swatch. */
export const Narrow: Story = {
  name: '320 px',
  args: { calls: FIVE.slice(2) },
  render: (args, { loaded }) => html`<div style="width: 320px"><vc-phone .phone=${loaded.phone} ?silent=${args.silent}></vc-phone></div>`,
};

/** Wider than 640 px: live boxes flow into a grid. */
export const Wide: Story = {
  name: 'Wide (grid)',
  args: { calls: FIVE },
  render: (args, { loaded }) => html`<div style="width: 900px"><vc-phone .phone=${loaded.phone} ?silent=${args.silent}></vc-phone></div>`,
};

/** The shipped dark token set (`theme="dark"`; without the attribute it follows the system). */
export const Dark: Story = {
  args: { calls: FIVE },
  render: (args, { loaded }) =>
    html`<div style="padding: 16px; background: #0d1117"><vc-phone theme="dark" .phone=${loaded.phone} ?silent=${args.silent}></vc-phone></div>`,
};

/** The connection is lost and being retried: the pill says Offline with Retry, and Call is off with the reason. */
export const Offline: Story = {
  name: 'Reconnecting / offline',
  args: { calls: [{ state: 'ended', label: 'Alice Martin' }] },
  play: async ({ canvasElement, loaded }) => {
    const { phone } = loaded as Loaded;
    const el = canvasElement.querySelector('vc-phone')!;
    await el.updateComplete;
    const place = el.shadowRoot!.querySelector('vc-place-call')!;
    await place.openField();
    // Opening the field warms the (fake) connection up: the loss comes after that.
    await phone.prewarm();
    phone.simulateConnection('reconnecting', 'The connection to the SIP server was lost. Reconnecting…', undefined, 'lost');
    await el.updateComplete;
  },
};

/**
 * Offline in the page's language, by the phone's `connectionReason`: here French, while the page
 * was hidden (`paused`). The phone's English message is for logs; the pill never shows it.
 */
export const OfflineTranslated: Story = {
  name: 'Offline, in French (page was hidden)',
  args: { calls: [{ state: 'ended', label: 'Alice Martin' }] },
  render: (args, { loaded }) => html`<div lang="fr"><vc-phone .phone=${loaded.phone} ?silent=${args.silent}></vc-phone></div>`,
  play: async ({ canvasElement, loaded }) => {
    (loaded as Loaded).phone.simulateConnection('disconnected', 'Disconnected from the SIP server; reconnecting when this page is shown.', undefined, 'paused');
    await canvasElement.querySelector('vc-phone')!.updateComplete;
  },
};

/** A translated locale (German), set with `setStrings` before the elements render. */
export const German: Story = {
  name: 'Translated (Deutsch)',
  args: { calls: FIVE.slice(1) },
  loaders: [
    async ({ args }) => {
      const loaded = await phoneWithCalls(args.calls);
      setStrings({
        placeCall: 'Anrufen', call: 'Wählen', phoneNumber: 'Telefonnummer', statusReady: 'Bereit', hangUp: 'Auflegen', mute: 'Stumm',
        hold: 'Halten', resume: 'Fortsetzen', keypad: 'Tastatur', close: 'Schließen', remove: 'Entfernen', recent: 'Zuletzt',
        clearAll: 'Alle löschen', callAgain: 'Erneut anrufen', callWith: 'Anruf mit {party}', stateRinging: 'Klingelt',
        stateConnected: 'Verbunden', stateOnHold: 'Gehalten', chipBusy: 'Besetzt', chipEnded: 'Beendet', colorTag: 'Farbmarkierung',
        colorNone: 'Keine Farbe', colorGreen: 'Grün', colorAmber: 'Gelb', outcomes: { busy: 'Die Leitung ist besetzt.', hangup: 'Aufgelegt.' },
      });
      return loaded;
    },
  ],
};

export const Disabled: Story = { args: { disabled: true, 'disabled-reason': 'Calling is off outside office hours.' } };

/** Theming from the page: global tokens on `:root` (here on a wrapper) and `::part()` rules. */
export const Themed: Story = {
  args: { calls: [{ state: 'connected', color: 'green' }, { state: 'ringing', to: '+1 415 555 0132' }] },
  render: (args, { loaded }) => html`<div
    class="themed"
    style="--vc-color-accent: #6d28d9; --vc-color-success: #047857; --vc-radius: 12px; --vc-font-family: Georgia, serif; --vc-call-box-background: #faf5ff; --vc-phone-max-width: 460px"
  >
    <vc-phone .phone=${loaded.phone} ?silent=${args.silent}></vc-phone>
  </div>`,
};
