// sip.js's SIP parser (`sip.js/lib/grammar/pegjs/dist/grammar.js`, a bytecode peggy parser, the
// biggest single part of sip.js in the CDN build) cut down to the start rules the CDN build can
// reach, at build time, from the installed sip.js (rollup-slim-grammar.mjs puts it in place):
// - rules that no kept start rule reaches are left out, and so are the constants (literals,
//   character classes, actions) only they use; every kept rule's bytecode is the original one,
//   its rule and constant numbers renumbered, nothing else changed;
// - the parser's error text (SyntaxError.buildMessage/format and the "expected ..." objects it is
//   built from) is left out: sip.js's Grammar.parse catches every error and returns -1, so no
//   message is ever read. Failures still throw at the same points, so -1 comes back exactly where
//   it did; a start rule that is not kept throws too ("Can't start parsing from rule"), which
//   Grammar.parse turns into -1: sip.js's answer for a header it cannot parse.
// It refuses (throws) any input it does not recognise: an interpreter other than the one whose
// opcodes it knows (fingerprint below), a missing kept start rule, bytecode that does not decode.
// test/package/slim-grammar.test.mjs compares it with the original on real and odd SIP input.
import { createHash } from 'node:crypto';
import { parseAst } from 'rollup/parseAst';
import MagicString from 'magic-string';

/**
 * Start rules something in the CDN build uses (rollup-slim-grammar.mjs checks every module in
 * the bundle against this list and fails the build if one asks for another rule):
 * - core/messages/parser.js (every incoming message): Request_Response, Via, From, To,
 *   Record_Route, Call_ID, Contact, Content_Length, Content_Type, CSeq, Max_Forwards,
 *   WWW_Authenticate, Proxy_Authenticate, Refer_To;
 * - body.js: Content_Disposition, Content_Type; user-agent-core.js (out-of-dialog NOTIFY): Event;
 *   api/referral.js (REFER inside a call): Refer_To; api/user-agent.js: Replaces, uuid, SIP_URI;
 *   grammar.js's URIParse / nameAddrHeaderParse: SIP_URI, Name_Addr_Header;
 *   platform/web/transport.js: absoluteURI.
 */
export const KEPT_START_RULES = Object.freeze([
  'Request_Response', 'Via', 'From', 'To', 'Record_Route', 'Call_ID', 'Contact', 'Content_Length',
  'Content_Type', 'CSeq', 'Max_Forwards', 'WWW_Authenticate', 'Proxy_Authenticate', 'Refer_To',
  'Content_Disposition', 'Event', 'Replaces', 'uuid', 'SIP_URI', 'Name_Addr_Header', 'absoluteURI',
]);

/** sha256 of sip.js 0.21.2's `peg$decode` + `peg$parseRule` (the bytecode interpreter), whose opcodes OPERANDS describes. */
const INTERPRETER_SHA256 = '976740e9b4cfae652bc84abed8d0b4d8f2928b0f71f39c744980e05d85900002';

/** Per opcode: its length in words (a function for CALL) and which operand words are a constant / a rule number. */
const OPERANDS = (() => {
  const table = new Map();
  const plain = (length, consts = [], rules = []) => ({ length: () => length, consts, rules });
  for (const op of [1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 25, 28, 29]) table.set(op, plain(1));
  for (const op of [8, 11, 16, 21, 24]) table.set(op, plain(2));
  for (const op of [13, 14, 15, 17]) table.set(op, plain(3));
  table.set(0, plain(2, [1])); // PUSH constant
  table.set(18, plain(4, [1])); // MATCH_STRING
  table.set(19, plain(4, [1])); // MATCH_STRING_IC
  table.set(20, plain(4, [1])); // MATCH_CLASS
  table.set(22, plain(2, [1])); // ACCEPT_STRING
  table.set(23, plain(2, [1])); // FAIL (expectation: error text only)
  table.set(26, { length: (bc, ip) => 4 + bc[ip + 3], consts: [1], rules: [] }); // CALL action
  table.set(27, plain(2, [], [1])); // RULE
  return table;
})();
const FAIL = 23;

const decode = (s) => [...s].map((ch) => ch.charCodeAt(0) - 32);
const encode = (words) => String.fromCharCode(...words.map((w) => w + 32));

/** The instructions of one rule's bytecode: [{ ip, op }], refusing anything the interpreter would not run. */
function instructions(bc, rule) {
  const list = [];
  let ip = 0;
  while (ip < bc.length) {
    const spec = OPERANDS.get(bc[ip]);
    if (!spec) throw new Error(`slim-grammar: rule ${rule}: unknown opcode ${bc[ip]} at ${ip}`);
    const length = spec.length(bc, ip);
    list.push({ ip, op: bc[ip], spec });
    ip += length;
  }
  if (ip !== bc.length) throw new Error(`slim-grammar: rule ${rule}: bytecode ends inside an instruction`);
  return list;
}

function fail(message) {
  throw new Error(`slim-grammar: ${message} (sip.js's grammar.js is not what scripts/lib/slim-grammar.mjs was written for; check the new one and update it)`);
}

/** Finds `const|let NAME = <init>` anywhere in `node` (depth-first). */
function findDeclaration(node, name) {
  let found;
  (function walk(n) {
    if (found || !n || typeof n.type !== 'string') return;
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === name) {
      found = n;
      return;
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') walk(value);
    }
  })(node);
  return found;
}

/**
 * The grammar module `code` with only `keep` start rules.
 * @returns {{ code: string, map: object, stats: { rules: [number, number], consts: [number, number] } }}
 */
export function slimGrammar(code, keep = KEPT_START_RULES, { id = 'grammar.js' } = {}) {
  const ast = parseAst(code);
  const top = (type, name) => ast.body.map((n) => (n.type === 'ExportNamedDeclaration' ? n.declaration : n)).find((n) => n?.type === type && n.id?.name === name);
  const parse = top('FunctionDeclaration', 'peg$parse');
  const syntaxError = top('ClassDeclaration', 'SyntaxError');
  if (!parse || !syntaxError) fail('no peg$parse function or SyntaxError class');
  const inner = (name) => parse.body.body.find((n) => n.type === 'FunctionDeclaration' && n.id.name === name);
  const decodeFn = inner('peg$decode');
  const parseRule = inner('peg$parseRule');
  if (!decodeFn || !parseRule) fail('no peg$decode / peg$parseRule');
  const interpreter = code.slice(decodeFn.start, decodeFn.end) + '\n' + code.slice(parseRule.start, parseRule.end);
  const sha = createHash('sha256').update(interpreter).digest('hex');
  if (sha !== INTERPRETER_SHA256) fail(`its bytecode interpreter changed (sha256 ${sha})`);

  const indicesDecl = findDeclaration(parse, 'peg$startRuleIndices');
  const defaultDecl = findDeclaration(parse, 'peg$startRuleIndex');
  const constsDecl = findDeclaration(parse, 'peg$consts');
  const bytecodeDecl = findDeclaration(parse, 'peg$bytecode');
  if (indicesDecl?.init?.type !== 'ObjectExpression' || defaultDecl?.init?.type !== 'Literal' || constsDecl?.init?.type !== 'ArrayExpression' || bytecodeDecl?.init?.type !== 'ArrayExpression') {
    fail('peg$startRuleIndices / peg$startRuleIndex / peg$consts / peg$bytecode not found');
  }
  // The tables are read only by the interpreter (fingerprinted) and the start-rule lookup.
  const outside = code.slice(0, parseRule.start) + code.slice(parseRule.end);
  if ((outside.match(/peg\$consts\b/g) ?? []).length !== 1 || (outside.match(/peg\$bytecode\b/g) ?? []).length !== 1) fail('peg$consts / peg$bytecode used outside the interpreter');
  if ((outside.match(/peg\$startRuleIndex\b/g) ?? []).length !== 3) fail('peg$startRuleIndex used in an unexpected way');

  const startRules = new Map(indicesDecl.init.properties.map((p) => {
    if (p.key.type !== 'Identifier' || p.value.type !== 'Literal' || typeof p.value.value !== 'number') fail('a start rule entry is not NAME: NUMBER');
    return [p.key.name, p.value.value];
  }));
  const bytecode = bytecodeDecl.init.elements.map((e, i) => {
    if (e?.type !== 'CallExpression' || e.callee.name !== 'peg$decode' || e.arguments.length !== 1 || typeof e.arguments[0].value !== 'string') fail(`bytecode ${i} is not peg$decode("...")`);
    return decode(e.arguments[0].value);
  });
  const consts = constsDecl.init.elements;
  const program = bytecode.map((bc, rule) => instructions(bc, rule));
  const defaultRule = defaultDecl.init.value;

  // Rules reachable from the kept start rules.
  const kept = new Set();
  const queue = keep.map((name) => {
    if (!startRules.has(name)) fail(`no start rule "${name}"`);
    return startRules.get(name);
  });
  if (![...startRules.values()].includes(defaultRule)) fail('the default start rule is not a start rule');
  const defaultName = [...startRules].find(([, index]) => index === defaultRule)[0];
  if (!keep.includes(defaultName)) fail(`the default start rule ${defaultName} would be dropped`);
  while (queue.length) {
    const rule = queue.pop();
    if (rule >= bytecode.length) fail(`rule ${rule} does not exist`);
    if (kept.has(rule)) continue;
    kept.add(rule);
    for (const { ip, spec } of program[rule]) for (const k of spec.rules) queue.push(bytecode[rule][ip + k]);
  }
  const rules = [...kept].sort((a, b) => a - b);
  const ruleNumber = new Map(rules.map((rule, i) => [rule, i]));

  // Constants the kept rules use. Expectations (FAIL's operand) only make error text: one shared stand-in.
  const used = new Set();
  for (const rule of rules) {
    for (const { ip, op, spec } of program[rule]) {
      for (const k of spec.consts) {
        const index = bytecode[rule][ip + k];
        const node = consts[index];
        if (!node) fail(`constant ${index} does not exist`);
        const isExpectation = node.type === 'CallExpression' && /^peg\$(literal|class|any|other)Expectation$/.test(node.callee.name ?? '');
        if (isExpectation !== (op === FAIL)) fail(`constant ${index} (${code.slice(node.start, node.start + 40)}) is ${isExpectation ? 'an expectation used as a value' : 'a value used as an expectation'}`);
        if (!isExpectation) used.add(index);
      }
    }
  }
  const constIndices = [...used].sort((a, b) => a - b);
  const constNumber = new Map(constIndices.map((index, i) => [index, i]));
  const expectation = constIndices.length; // the shared stand-in, last

  const newBytecode = rules.map((rule) => {
    const bc = bytecode[rule].slice();
    for (const { ip, op, spec } of program[rule]) {
      for (const k of spec.consts) bc[ip + k] = op === FAIL ? expectation : constNumber.get(bytecode[rule][ip + k]);
      for (const k of spec.rules) bc[ip + k] = ruleNumber.get(bytecode[rule][ip + k]);
      if (bc.slice(ip, ip + spec.length(bc, ip)).some((word) => word === undefined)) throw new Error(`slim-grammar: rule ${rule} refers to something left out`);
    }
    return bc;
  });

  const s = new MagicString(code);
  const indent = '\n        ';
  s.overwrite(constsDecl.init.start, constsDecl.init.end, `[${indent}${[...constIndices.map((i) => code.slice(consts[i].start, consts[i].end)), '{ type: "other", description: "(not in the vc-phone CDN build)" }'].join(`,${indent}`)}\n    ]`);
  s.overwrite(bytecodeDecl.init.start, bytecodeDecl.init.end, `[${indent}${newBytecode.map((bc) => `peg$decode(${JSON.stringify(encode(bc))})`).join(`,${indent}`)}\n    ]`);
  s.overwrite(indicesDecl.init.start, indicesDecl.init.end, `{ ${keep.map((name) => `${name}: ${ruleNumber.get(startRules.get(name))}`).join(', ')} }`);
  s.overwrite(defaultDecl.init.start, defaultDecl.init.end, String(ruleNumber.get(defaultRule)));
  s.overwrite(
    syntaxError.start,
    syntaxError.end,
    `class SyntaxError extends Error {
    constructor(message, expected, found, location) {
        super(message);
        this.expected = expected;
        this.found = found;
        this.location = location;
        this.name = "SyntaxError";
    }
    // sip.js never reads the text (Grammar.parse turns every error into -1).
    static buildMessage() {
        return "SIP syntax error";
    }
}`,
  );
  return {
    code: s.toString(),
    map: s.generateMap({ hires: true, source: id, includeContent: true }),
    stats: { rules: [rules.length, bytecode.length], consts: [constIndices.length, consts.length] },
  };
}
