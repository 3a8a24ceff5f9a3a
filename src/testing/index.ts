/**
 * `vc-phone/testing`: the fake phone for Storybook, element tests and your own tests, and the
 * seam it plugs into (the engine types, and the error a call that cannot start rejects with),
 * for a test double of your own. A page that makes real calls needs none of this, so the main
 * entry leaves it out.
 */
export { FakePhone, FakeFarEnd, settle, type FakePhoneOptions, type FakeMicrophone, type FakeTransferScript } from './fake-phone.js';
export { FakeMediaDevices, FAKE_AUDIO_DEVICES, type FakeAudioDevice } from './fake-media-devices.js';
export {
  CallStartError,
  type EngineConfig,
  type EngineFactory,
  type EngineHost,
  type EngineMedia,
  type OutboundRequest,
  type OutboundSession,
  type SessionListener,
  type TelephonyEngine,
  type TransferTo,
} from '../phone/engine.js';
export type { HeaderLine } from '../phone/headers.js';
