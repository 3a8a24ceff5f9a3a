/** Test helpers: find what a user sees (through shadow roots) by role-ish selectors and names. */
import { aTimeout, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { LocaleStrings } from '../../src/i18n/locale-types.js';

/** Every element matching `selector` in `root` and all shadow roots below it, in document order. */
export function deepQueryAll<E extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): E[] {
  const found: E[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) found.push(el as E);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.matches(selector)) found.push(root as E);
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}

/** Visible text, whitespace collapsed (what a screen reader reads out of the content). */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const collect = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    if (node.getAttribute('aria-hidden') === 'true' || node.tagName === 'STYLE') return '';
    if (node.tagName === 'SLOT') return (node as HTMLSlotElement).assignedNodes({ flatten: true }).map(collect).join('');
    const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return [...children].map(collect).join('');
  };
  return collect(el).replace(/\s+/g, ' ').trim();
}

/** The accessible name, as far as these elements use it: aria-label, aria-labelledby, a label, or the content. */
export function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as ShadowRoot | Document;
    return labelledBy
      .split(/\s+/)
      .map((id) => textOf(root.getElementById(id)))
      .join(' ');
  }
  if (el instanceof HTMLInputElement && el.labels?.length) return textOf(el.labels[0]);
  return textOf(el);
}

/** Elements of a role (buttons, checkboxes, textboxes, groups, dialogs...) under `root`. */
export function byRole(root: Element | Document, role: string): HTMLElement[] {
  const selectors: Record<string, string> = {
    button: 'button, [role="button"]',
    textbox: 'input[type="text"], input:not([type]), [role="textbox"]',
    checkbox: 'input[type="checkbox"]',
    radio: 'input[type="radio"]',
    group: '[role="group"]',
    dialog: 'dialog',
    alert: '[role="alert"]',
    status: '[role="status"]',
  };
  return deepQueryAll<HTMLElement>(root, selectors[role]);
}

/** The one element of `role` named exactly `name` (throws if none or several). */
export function getByRole(root: Element | Document, role: string, name: string): HTMLElement {
  const matches = byRole(root, role).filter((el) => nameOf(el) === name && isShown(el));
  if (matches.length !== 1) {
    const names = byRole(root, role).filter(isShown).map(nameOf);
    throw new Error(`expected one ${role} named "${name}", found ${matches.length} (${role}s: ${JSON.stringify(names)})`);
  }
  return matches[0];
}

export function queryByRole(root: Element | Document, role: string, name: string): HTMLElement | undefined {
  return byRole(root, role).find((el) => nameOf(el) === name && isShown(el));
}

/** Rendered (not display:none, not in a closed dialog). */
export function isShown(el: Element): boolean {
  const dialog = el.closest('dialog');
  if (dialog && !dialog.open) return false;
  return (el as HTMLElement).getClientRects().length > 0;
}

/** The element that has focus, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until every Lit element under `root` has rendered, and fake calls have advanced. */
export async function settled(root?: Element): Promise<void> {
  await aTimeout(0);
  if (root) {
    for (const el of deepQueryAll(root, '*')) {
      const update = (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      if (update) await update;
    }
    // Enter and fold transitions finish (as a person would see the result); endless ones (a pulse) are left alone.
    const finite = deepQueryAll(root, '*')
      .flatMap((el) => el.getAnimations())
      .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity));
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  }
  await aTimeout(0);
}

/** Waits for a condition (generous by default: the machines running the suite are loaded). */
export async function until(predicate: () => boolean, message: string, timeout = 10_000): Promise<void> {
  await waitUntil(predicate, message, { timeout });
}

/** Each shipped locale's strings table, by language tag, loaded on demand (English is built in). */
export const LOCALE_TABLES: Record<string, () => Promise<{ default: LocaleStrings }>> = {
  es: () => import('../../src/i18n/locales/es.js'),
  fr: () => import('../../src/i18n/locales/fr.js'),
  de: () => import('../../src/i18n/locales/de.js'),
  it: () => import('../../src/i18n/locales/it.js'),
  'pt-BR': () => import('../../src/i18n/locales/pt-BR.js'),
  ar: () => import('../../src/i18n/locales/ar.js'),
};

/** A real pointer click in the middle of `target` (as a person clicks: `detail` 1, focus moves). */
export async function mouseClick(target: Element): Promise<void> {
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}
