// Angular without the CLI: standalone, zoneless, compiled in the browser (JIT), bundled with esbuild.
import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'vc-phone/vc-phone.js'; // defines every <vc-*> tag
import { AppComponent } from './app.component';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
