// A CRM screen with the drop-in phone. The FakePhone (vc-phone/testing) lets the example run with
// no SIP server: in an app, drop [phone] and set server/aor (and [auth]).
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { VcCallAnsweredEvent, VcCallRequestEvent } from 'vc-phone';
import { FakePhone } from 'vc-phone/testing';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <p>
      <button type="button" (click)="lang.set('en')">English</button>
      <button type="button" (click)="lang.set('fr')">Français</button>
      <button type="button" (click)="lang.set('ar')">العربية</button>
    </p>
    <vc-phone silent [phone]="phone" [locale]="lang()" (vc-call-request)="onCallRequest($event)" (vc-call-answered)="onAnswered($event)"></vc-phone>
    <ul id="log">
      @for (line of log(); track $index) {
        <li>{{ line }}</li>
      }
    </ul>
  `,
})
export class AppComponent {
  readonly phone = new FakePhone({}, { autoAnswerMs: 0 });
  readonly lang = signal('en');
  readonly log = signal<string[]>([]);

  onCallRequest(event: VcCallRequestEvent): void {
    this.log.update((lines) => [...lines, `request ${event.detail.target.display}`]);
  }

  onAnswered(event: VcCallAnsweredEvent): void {
    this.log.update((lines) => [...lines, `answered ${event.detail.call.target.display}`]);
  }
}
