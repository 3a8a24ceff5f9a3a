import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Call } from '../src/phone/call.js';
import type { FakeTransferScript } from '../src/testing/fake-phone.js';
import { phoneWithCalls, settle, type FakePhone } from './support.js';

/** How far the story drives the transfer before it is shown. */
type Step = 'closed' | 'open' | 'typed' | 'invalid' | 'transferring' | 'failed' | 'consult-ringing' | 'consulting' | 'transferred';

interface Args {
  step: Step;
  /** What the far end does with the REFER (FakePhone script). */
  script: FakeTransferScript;
}

interface Loaded {
  phone: FakePhone;
  call: Call;
}

/** Drives a fake call's transfer (the real Phone and Call code; only the far end is scripted). */
async function load({ step, script }: Args): Promise<Loaded> {
  const { phone, calls } = await phoneWithCalls([{ state: 'connected', label: 'Alice Martin' }]);
  const call = calls[0];
  phone.far(call).transferScript = script;
  if (step === 'transferring' || step === 'failed' || step === 'transferred') {
    const transfer = call.transfer('+1 415 555 0132').catch(() => undefined);
    // A pending transfer never settles on its own: show it while the target rings.
    if (script !== 'pending') await transfer;
    await settle();
    await settle();
  }
  if (step === 'consult-ringing' || step === 'consulting') {
    const consult = await phone.consult(call, '+1 415 555 0132');
    await settle();
    if (step === 'consulting') phone.far(consult).answer();
  }
  return { phone, call };
}

/** Opens the box's Transfer field (and types into it) the way the agent would. */
async function openField(canvas: HTMLElement, typed?: string): Promise<void> {
  const box = canvas.querySelector('vc-call-box')!;
  await box.updateComplete;
  const transfer = box.shadowRoot!.querySelector('vc-transfer')!;
  await transfer.openField();
  if (typed === undefined) return;
  transfer.value = typed;
  await transfer.updateComplete;
  // As on leaving the field: the verdict on what was typed is shown.
  transfer.shadowRoot!.querySelector('input')!.dispatchEvent(new FocusEvent('blur'));
}

/**
 * `<vc-transfer>` inside a call box: "Transfer" opens its own number field (checked and formatted
 * like place-call's), then "Transfer now" (blind, REFER) or "Consult first" (the caller is held and
 * a second box calls the number; then "Transfer to …" joins them with REFER/Replaces, or cancel).
 */
const meta: Meta<Args> = {
  title: 'Elements/vc-transfer',
  component: 'vc-transfer',
  tags: ['autodocs'],
  args: { step: 'closed', script: 'complete' },
  argTypes: { step: { control: false }, script: { control: false } },
  loaders: [async ({ args }) => ({ ...(await load(args)) })],
  render: (_args, { loaded }) => {
    const { phone } = loaded as Loaded;
    return html`<div style="max-width: 420px; display: grid; gap: 12px">
      ${phone.calls.map((c) => html`<vc-call-box .phone=${phone} .call=${c} silent></vc-call-box>`)}
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Closed: Story = { name: 'Transfer button (connected call)' };
export const FieldOpen: Story = { name: 'Number field open', play: ({ canvasElement }) => openField(canvasElement) };
export const Typed: Story = { name: 'Valid number typed', play: ({ canvasElement }) => openField(canvasElement, '+1 415 555 0132') };
export const Invalid: Story = { name: 'National number refused', play: ({ canvasElement }) => openField(canvasElement, '020 7946 0958') };
export const Transferring: Story = { name: 'Transferring (target ringing)', args: { step: 'transferring', script: 'pending' } };
export const RefusedForbidden: Story = { name: 'Failed: REFER refused (403)', args: { step: 'failed', script: 403 } };
export const RefusedNotAllowed: Story = { name: 'Failed: transfers not supported (405)', args: { step: 'failed', script: 405 } };
export const TargetBusy: Story = { name: 'Failed: target busy (NOTIFY 486)', args: { step: 'failed', script: { notify: 486 } } };
export const ConsultRinging: Story = { name: 'Consulting: calling the colleague', args: { step: 'consult-ringing' } };
export const Consulting: Story = { name: 'Consulting: ready to join', args: { step: 'consulting' } };
export const Transferred: Story = { name: 'Transferred', args: { step: 'transferred' } };
