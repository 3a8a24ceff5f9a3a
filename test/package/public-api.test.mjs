// The public API, as a user's editor sees it: the declarations `npm run build` ships, read with the
// TypeScript checker. The main entry exports exactly the names listed here (add a new export here
// on purpose, and to the CHANGELOG); the engine seam is only in `vc-phone/testing`; the CDN's API
// entry carries the same controller and events.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The main entry's exports, in the groups of src/index.ts. */
const CONTROLLER = {
  values: ['Call', 'CallHistory', 'Phone', 'PhoneAudio', 'PhoneInputError', 'checkColorName', 'checkServerUrl', 'describeSipStatus', 'memoryStorage', 'prefetchTelephony'],
  types: [
    'AudioChoice',
    'AudioDevice',
    'AudioDeviceKind',
    'AudioDeviceSource',
    'AudioProcessing',
    'CheckCode',
    'CheckItem',
    'CheckItemId',
    'CheckOptions',
    'CheckReport',
    'CheckStatus',
    'CallEndCause',
    'CallEndReason',
    'CallOptions',
    'CallQualitySummary',
    'MediaPath',
    'QualityChange',
    'QualityFigures',
    'QualityWarning',
    'CallOutcome',
    'CallSnapshot',
    'CallState',
    'CallTarget',
    'CallerIdentity',
    'ConnectionReason',
    'ConnectionState',
    'DtmfMode',
    'EndedBy',
    'InputErrorCode',
    'KeyValueStorage',
    'MediaStats',
    'PhoneConfig',
    'PhoneOptions',
    'PhonePrefs',
    'SipCredentials',
    'SipCredentialsSource',
    'CallRecord',
    'StatusWebhookConfig',
    'TransferFailure',
    'TransferSnapshot',
    'MergeProblem',
    'WebhookPayload',
    'HistoryEntry',
    'BeforeDialHook',
    'BeforeDialRequest',
    'BeforeDialVerdict',
    'LogLevel',
    'PhoneLogger',
    'WrapUp',
    'WrapUpInput',
  ],
};
const EVENTS = {
  values: [
    'VcAudioCheckEvent',
    'VcAudioDeviceLostEvent',
    'VcAudioDevicesChangeEvent',
    'VcBoxCloseEvent',
    'VcBoxRemoveEvent',
    'VcCallAnsweredEvent',
    'VcCallColorEvent',
    'VcCallDialingEvent',
    'VcCallDtmfEvent',
    'VcCallEndedEvent',
    'VcCallFailedEvent',
    'VcCallHeldEvent',
    'VcCallMergedEvent',
    'VcCallMuteEvent',
    'VcCallQualityEvent',
    'VcCallRemovedEvent',
    'VcCallResumedEvent',
    'VcCallRequestEvent',
    'VcCallRingingEvent',
    'VcCallTransferEvent',
    'VcCallWrappedUpEvent',
    'VcCallSplitEvent',
    'VcColorChangeEvent',
    'VcConnectionChangeEvent',
    'VcDtmfEvent',
    'VcEvent',
    'VcInputErrorEvent',
    'VcMuteChangeEvent',
  ],
  types: ['AudioDevicesDetail', 'CallEventDetail', 'HoldParty', 'InputErrorDetail', 'PhoneEventMap', 'SplitReason', 'VcElementEventMap'],
};
const ELEMENTS = {
  values: ['COLOR_TAGS', 'DIALPAD_KEYS', 'VcAudioSettings', 'VcCallBox', 'VcCallList', 'VcColorTag', 'VcDialpad', 'VcMuteButton', 'VcPhone', 'VcPhoneStatus', 'VcPlaceCall', 'VcTransfer', 'VcWrapUp', 'VcCallHistory', 'colorLabel', 'formatDuration', 'phoneContext'],
  types: [],
};
const WORDS = { values: ['SHIPPED_LOCALES', 'defaultStrings', 'registerLocale', 'setStrings'], types: ['DetailedOutcomeKey', 'InputErrorStrings', 'LocaleStrings', 'OutcomeStrings', 'VcStrings'] };
const MAIN_ENTRY = [CONTROLLER, EVENTS, ELEMENTS, WORDS];

/** The seam between the Phone and its signalling engine: for test doubles, never for a host page. */
const ENGINE_SEAM = ['EngineConfig', 'EngineFactory', 'EngineHost', 'EngineMedia', 'HeaderLine', 'OutboundRequest', 'OutboundSession', 'SessionListener', 'TelephonyEngine', 'TransferTo'];
const TESTING_ENTRY = {
  values: ['CallStartError', 'FAKE_AUDIO_DEVICES', 'FakeFarEnd', 'FakeMediaDevices', 'FakePhone', 'settle'],
  types: ['FakeAudioDevice', 'FakeMicrophone', 'FakePhoneOptions', 'FakeTransferScript', ...ENGINE_SEAM],
};

const sorted = (names) => [...names].sort();

/**
 * What a module exports, split into values (usable at run time: classes, functions, constants)
 * and types only (interfaces, type aliases, `export type`).
 */
function exportsOf(program, file) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  assert.ok(source, `${file} is not in the program`);
  const values = [];
  const types = [];
  for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(source))) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const typeOnly = !(target.flags & ts.SymbolFlags.Value) || !!symbol.declarations?.some((d) => ts.isTypeOnlyExportDeclaration(d));
    (typeOnly ? types : values).push(symbol.name);
  }
  return { values: sorted(values), types: sorted(types) };
}

const compilerOptions = {
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2021,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  experimentalDecorators: true,
  skipLibCheck: true,
  noEmit: true,
};

let declarations;

/** The exports of a shipped declaration file (`index.d.ts`, `testing/index.d.ts`) or a source file. */
function exportsOfFile(file) {
  return exportsOf(ts.createProgram([file], compilerOptions), file);
}

before(() => {
  declarations = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-api-'));
  try {
    execFileSync(
      path.join(root, 'node_modules/.bin/tsc'),
      ['-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--declarationMap', 'false', '--outDir', declarations],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    assert.fail(`tsc -p tsconfig.build.json: ${error.stdout}${error.stderr}`);
  }
});

after(() => {
  if (declarations) fs.rmSync(declarations, { recursive: true, force: true });
});

describe('public API', () => {
  it('the main entry (vc-phone) exports exactly the listed names', () => {
    const actual = exportsOfFile(path.join(declarations, 'index.d.ts'));
    const expected = { values: sorted(MAIN_ENTRY.flatMap((group) => group.values)), types: sorted(MAIN_ENTRY.flatMap((group) => group.types)) };
    assert.deepEqual(actual, expected, 'the main entry changed: list a new export in test/package/public-api.test.mjs on purpose');
  });

  it('the main entry exposes no engine seam and no generic helper name', () => {
    const { values, types } = exportsOfFile(path.join(declarations, 'index.d.ts'));
    const exported = new Set([...values, ...types]);
    for (const name of [...ENGINE_SEAM, 'format', 'strings']) assert.ok(!exported.has(name), `vc-phone exports ${name}`);
  });

  it('vc-phone/testing exports the fake phone and the engine seam, through the package exports map', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.exports['./testing'], { types: './dist/testing/index.d.ts', default: './dist/testing/index.js' });
    assert.deepEqual(exportsOfFile(path.join(declarations, 'testing/index.d.ts')), { values: sorted(TESTING_ENTRY.values), types: sorted(TESTING_ENTRY.types) });
  });

  it('the CDN API entry (cdn/index.js) carries the controller and the events, and no element', () => {
    // The CDN bundle ships no declarations: read its source entry. It passes the events module on
    // whole, so its source also names the events' types (erased in the bundle).
    assert.deepEqual(exportsOfFile(path.join(root, 'src/cdn/index.ts')), { values: sorted([...CONTROLLER.values, ...EVENTS.values]), types: sorted(EVENTS.types) });
  });
});
