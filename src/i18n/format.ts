import { currentScope } from './locale-scope.js';

/**
 * Fills `{name}` placeholders: `format(strings.callWith, { party: '+44 20 ...' })`. In a
 * right-to-left locale each value is isolated (U+2068...U+2069), so a number or a Latin name
 * keeps its own order inside the sentence.
 */
export function format(template: string, values: Record<string, string>): string {
  const rtl = currentScope().dir === 'rtl';
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : rtl ? `\u2068${value}\u2069` : value;
  });
}
