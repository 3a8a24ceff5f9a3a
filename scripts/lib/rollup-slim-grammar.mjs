// Rollup plugin for the CDN build: sip.js's SIP parser (`lib/grammar/pegjs/dist/grammar.js`)
// cut down to the start rules the bundle uses (slim-grammar.mjs does the cutting, from the
// installed sip.js, on every build). After the bundle is made, every module in it is checked for
// what it asks the parser: `parseHeader("x")` / `.s("x")` (a header name, which sip.js turns into
// a rule name as incoming-message.js does) and `Grammar.parse(v, "Rule")`. A rule outside
// KEPT_START_RULES, or a call whose rule is not a literal (other than sip.js's own two generic
// ones), fails the build, as does a build in which the grammar module never showed up.
import { headerize } from 'sip.js/lib/core/messages/utils.js';
import { KEPT_START_RULES, slimGrammar } from './slim-grammar.mjs';

const GRAMMAR = '/node_modules/sip.js/lib/grammar/pegjs/dist/grammar.js';
/** sip.js's own calls whose rule is not a literal: parseHeader's parse and s(), its alias. */
const GENERIC_CALLS = ['Grammar.parse(value, name.replace(/-/g, "_"))', 'this.parseHeader(name, idx)'];

/**
 * The start rules `code` (one module as rendered into a chunk) asks the parser for, and the calls
 * whose rule cannot be told from the code.
 */
export function startRulesUsedBy(code) {
  const rules = new Set();
  const unknown = [];
  const header = /\.(?:parseHeader|s)\(\s*(?:(["'`])([\w-]+)\1)?/g;
  for (const match of code.matchAll(header)) {
    if (match[2]) rules.add(headerize(match[2]).replace(/-/g, '_'));
    else if (!GENERIC_CALLS.some((call) => code.startsWith(call, match.index - 4))) unknown.push(code.slice(match.index, match.index + 60));
  }
  const grammar = /\bGrammar(?:\$\d+)?\.parse\(/g;
  for (const match of code.matchAll(grammar)) {
    const literal = /^[^,()]+,\s*(["'`])(\w+)\1\s*\)/.exec(code.slice(match.index + match[0].length));
    if (literal) rules.add(literal[2]);
    else if (!GENERIC_CALLS.some((call) => code.startsWith(call.replace('Grammar', match[0].slice(0, -7)), match.index))) unknown.push(code.slice(match.index, match.index + 60));
  }
  return { rules, unknown };
}

export function slimGrammarPlugin({ keep = KEPT_START_RULES } = {}) {
  let slimmed = false;
  return {
    name: 'vc-slim-grammar',
    buildStart() {
      slimmed = false;
    },
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith(GRAMMAR)) return null;
      const { code: out, map } = slimGrammar(code, keep, { id });
      slimmed = id;
      return { code: out, map };
    },
    buildEnd(error) {
      if (error) return;
      if (!slimmed) this.error(`vc-slim-grammar: sip.js's grammar (${GRAMMAR}) was not part of the build: has sip.js moved it?`);
      // Only sip.js's Grammar (whose calls generateBundle checks) may run the parser.
      const importers = this.getModuleInfo(slimmed).importers.map((id) => id.replaceAll('\\', '/'));
      const other = importers.filter((id) => !id.endsWith('/node_modules/sip.js/lib/grammar/grammar.js'));
      if (other.length) this.error(`vc-slim-grammar: ${other.join(', ')} imports sip.js's parser directly; only lib/grammar/grammar.js's calls are checked`);
    },
    generateBundle(options, bundle) {
      const problems = [];
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, module] of Object.entries(chunk.modules)) {
          if (!module.code || /\/node_modules\/(?!sip\.js\/)/.test(id.replaceAll('\\', '/'))) continue;
          const { rules, unknown } = startRulesUsedBy(module.code);
          for (const rule of rules) if (!keep.includes(rule)) problems.push(`${id} asks the SIP parser for rule "${rule}", which scripts/lib/slim-grammar.mjs does not keep`);
          for (const call of unknown) problems.push(`${id}: cannot tell which SIP parser rule this asks for: ${call}`);
        }
      }
      if (problems.length) this.error(`vc-slim-grammar:\n${problems.join('\n')}`);
    },
  };
}
