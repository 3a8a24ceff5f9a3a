// Baseline for bench/startup.mjs: Lit alone (LitElement, html, css, decorators), one element
// with a shadow root, styles and a button, rendered once.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('lit-alone')
export class LitAlone extends LitElement {
  static override styles = css`
    :host { display: block; font: 14px system-ui; }
    button { padding: 8px 12px; border-radius: 6px; }
  `;

  @property() label = 'Place call';

  override render() {
    return html`<button type="button">${this.label}</button>`;
  }
}
