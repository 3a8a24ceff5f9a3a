import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { audioStrings as strings } from '../../i18n/audio-settings-strings.js';
import { format, inputErrorText } from '../../i18n/strings.js';
import type { audioSettingsDefaults } from '../../i18n/audio-settings-defaults.js';
import { VcPhoneConsumerElement } from '../../internal/vc-phone-consumer-element.js';
import type { PhoneAudio } from '../../phone/audio-devices.js';
import type { AudioDevice, AudioProcessing, CheckItemId, CheckReport, CheckStatus } from '../../phone/audio-types.js';
import { buttons, tokens } from '../shared/tokens.styles.js';
import { audioSettingsStyles } from './audio-settings.styles.js';
import type { checkItemWords } from './check-words.js';

const PROCESSING = ['echoCancellation', 'noiseSuppression', 'autoGainControl'] as const satisfies readonly (keyof AudioProcessing)[];

const ITEM_TITLE: Record<CheckItemId, keyof typeof audioSettingsDefaults> = {
  microphone: 'itemMicrophone',
  speaker: 'itemSpeaker',
  server: 'itemServer',
  network: 'itemNetwork',
  turn: 'itemTurn',
};
const ITEM_STATUS: Record<CheckStatus, keyof typeof audioSettingsDefaults> = { pass: 'itemPass', warn: 'itemWarn', fail: 'itemFail' };
const REPORT_STATUS: Record<CheckStatus, keyof typeof audioSettingsDefaults> = { pass: 'checkPass', warn: 'checkWarn', fail: 'checkFail' };

/**
 * The agent's audio: which microphone, speaker and ringer output to use (lists with the devices'
 * names, the system default first; changes apply at once, also to a live call), the browser's
 * voice processing (echo cancellation, noise suppression, automatic volume) and "Test your
 * audio", the pre-call check with a line per item in words. Where the browser cannot choose the
 * output, it says so. A device that goes away is announced (a polite live region). Works on the
 * page's phone (`<vc-phone>` context or `.phone`); `<vc-phone>` opens one from its "Audio
 * settings" button.
 *
 * @summary Microphone, speaker and ringer choice, voice processing switches, and the pre-call check.
 *
 * @csspart base - The panel (a group named by its heading).
 * @csspart title - The heading.
 * @csspart notice - Words about a device that went away (a polite live region).
 * @csspart microphone-select - The microphone list.
 * @csspart speaker-select - The speaker list.
 * @csspart ringer-select - The ringer and alerts output list.
 * @csspart speaker-unsupported - Where the browser cannot choose outputs: the words saying so.
 * @csspart names-button - "Show device names" (before the microphone was allowed).
 * @csspart processing - The voice processing switches.
 * @csspart check-button - "Test your audio".
 * @csspart check-status - The check's progress and result (a polite live region).
 * @csspart check-report - The check's lines, one per item.
 *
 * @cssprop --vc-audio-settings-gap - Space between rows (default 10px).
 * @cssprop --vc-audio-settings-padding - Space inside the panel (default 12px).
 * @cssprop --vc-audio-settings-background - The panel's background (default `--vc-color-surface`).
 */
export class VcAudioSettings extends VcPhoneConsumerElement {
  static override styles = [tokens, buttons, audioSettingsStyles];

  /** @internal */
  @state() private checking = false;
  /** The last check's report, shown under "Test your audio" (set it to show a report of `phone.check()` run elsewhere). */
  @property({ attribute: false }) report: CheckReport | undefined;
  /** @internal */
  @state() private error: string | undefined;
  /** The check's words (its own module, loaded with the first report: a panel that never tests does not download them). */
  @state() private checkWords: typeof checkItemWords | undefined;

  private watched: PhoneAudio | undefined;

  private get audio(): PhoneAudio | undefined {
    return this.phoneConsumer.phone?.audio;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch(undefined);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.watch(this.isConnected ? this.audio : undefined);
    if (this.report && !this.checkWords) void this.loadCheckWords();
  }

  private async loadCheckWords(): Promise<void> {
    if (this.checkWords) return;
    try {
      this.checkWords = (await import('./check-words.js')).checkItemWords;
    } catch {
      // The words could not load (connection lost): the report's own words rather than none.
      this.checkWords = (item) => ({ message: item.message, fix: item.fix });
    }
  }

  /** Follows the phone's audio (device list, choice, notices) while connected. */
  private watch(audio: PhoneAudio | undefined): void {
    if (audio === this.watched) return;
    this.watched?.removeEventListener('change', this.onAudioChange);
    this.watched = audio;
    if (!audio) return;
    audio.addEventListener('change', this.onAudioChange);
    void audio.refresh().catch(() => undefined);
  }

  private readonly onAudioChange = (): void => this.requestUpdate();

  override render() {
    const audio = this.audio;
    const devices = audio?.devices ?? [];
    const unnamed = devices.some((device) => !device.named);
    return html`<section part="base" class="base" aria-labelledby="title">
      <h2 id="title" part="title">${strings.audioSettingsTitle}</h2>
      <p part="notice" class="notice" role="status" aria-live="polite">${this.error ?? audio?.notice ?? ''}</p>
      ${this.deviceSelect('microphone', audio?.microphones ?? [], audio?.microphone)}
      ${audio && !audio.canChooseOutput
        ? html`<div class="field">
            <span class="label" id="speaker-label"><strong>${strings.speaker}</strong></span>
            <p part="speaker-unsupported" class="unsupported">${strings.speakerNotSupported}</p>
          </div>`
        : html`${this.deviceSelect('speaker', audio?.speakers ?? [], audio?.speaker)}${this.deviceSelect('ringer', audio?.speakers ?? [], audio?.ringer)}`}
      ${unnamed
        ? html`<p class="hint">${strings.deviceNamesHidden}</p>
            <button part="names-button" class="button" type="button" @click=${this.showNames}>${strings.showDeviceNames}</button>`
        : nothing}
      <fieldset part="processing">
        <legend>${strings.voiceProcessing}</legend>
        ${PROCESSING.map(
          (key) => html`<label
            ><input type="checkbox" .checked=${audio?.processing[key] ?? true} ?disabled=${!audio} @change=${(e: Event) => this.setProcessing(key, e)} />${strings[key]}</label
          >`,
        )}
      </fieldset>
      <button part="check-button" class="button primary" type="button" ?disabled=${!this.phoneConsumer.phone || this.checking} @click=${this.runCheck}>${strings.testAudio}</button>
      <p part="check-status" class="hint" role="status" aria-live="polite">
        ${this.checking ? strings.testingAudio : this.report ? format(strings.checkResult, { status: strings[REPORT_STATUS[this.report.status]] }) : ''}
      </p>
      ${this.report && !this.checking && this.checkWords
        ? html`<ul part="check-report" class="report">
            ${this.report.items.map((item) => {
              const { message, fix } = this.checkWords!(item);
              return html`<li data-status=${item.status}>
                <span class="item-status">${strings[ITEM_STATUS[item.status]]}: ${strings[ITEM_TITLE[item.id]]}.</span>
                ${message} ${fix ? html`<span class="fix">${fix}</span>` : nothing}
              </li>`;
            })}
          </ul>`
        : nothing}
    </section>`;
  }

  private deviceSelect(kind: 'microphone' | 'speaker' | 'ringer', devices: readonly AudioDevice[], inUse: AudioDevice | undefined) {
    return html`<div class="field">
      <label for=${kind}>${strings[kind]}</label>
      <select id=${kind} part="${kind}-select" ?disabled=${!this.audio} @change=${(e: Event) => this.choose(kind, e)}>
        <option value="" ?selected=${!inUse}>${strings.systemDefault}</option>
        ${devices.map((device) => html`<option value=${device.id} ?selected=${inUse?.id === device.id}>${device.label}</option>`)}
      </select>
    </div>`;
  }

  private async choose(kind: 'microphone' | 'speaker' | 'ringer', event: Event): Promise<void> {
    const audio = this.audio;
    if (!audio) return;
    const id = (event.target as HTMLSelectElement).value || undefined;
    this.error = undefined;
    try {
      if (kind === 'microphone') await audio.useMicrophone(id);
      else if (kind === 'speaker') await audio.useSpeaker(id);
      else await audio.useRinger(id);
    } catch (error) {
      this.error = format(strings.deviceUnavailable, { reason: inputErrorText(error) });
    }
    this.requestUpdate();
  }

  private setProcessing(key: keyof AudioProcessing, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    void this.audio?.setProcessing({ [key]: checked }).catch(() => undefined);
  }

  private async showNames(): Promise<void> {
    await this.audio?.refresh({ askPermission: true }).catch(() => undefined);
    this.requestUpdate();
  }

  private async runCheck(): Promise<void> {
    const phone = this.phoneConsumer.phone;
    if (!phone || this.checking) return;
    this.checking = true;
    try {
      // The words load while the check runs.
      const [report] = await Promise.all([phone.check(), this.loadCheckWords()]);
      this.report = report;
    } finally {
      this.checking = false;
    }
  }
}
