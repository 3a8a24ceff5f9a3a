import { css } from 'lit';
import { callStrings as strings } from '../../i18n/call-box-strings.js';

/** The colour tags an agent can give a call box. Each has a name, so meaning is never colour alone. */
export const COLOR_TAGS: ReadonlyArray<{ name: string; label: 'colorBlue' | 'colorGreen' | 'colorAmber' | 'colorRed' | 'colorPurple' }> = [
  { name: 'blue', label: 'colorBlue' },
  { name: 'green', label: 'colorGreen' },
  { name: 'amber', label: 'colorAmber' },
  { name: 'red', label: 'colorRed' },
  { name: 'purple', label: 'colorPurple' },
];

/** The words for a colour tag (`undefined` = no tag); an unknown name is shown as it is. */
export function colorLabel(color: string | undefined): string {
  if (!color) return strings.colorNone;
  const known = COLOR_TAGS.find((tag) => tag.name === color);
  return known ? strings[known.label] : color;
}

/** Sets `--_tag` on any element with `data-color`, from the themeable `--vc-color-tag-*` tokens. */
export const colorTagTokens = css`
  [data-color='blue'] {
    --_tag: var(--vc-color-tag-blue, #2f6fde);
  }
  [data-color='green'] {
    --_tag: var(--vc-color-tag-green, #1f9d55);
  }
  [data-color='amber'] {
    --_tag: var(--vc-color-tag-amber, #d98e04);
  }
  [data-color='red'] {
    --_tag: var(--vc-color-tag-red, #d93a3a);
  }
  [data-color='purple'] {
    --_tag: var(--vc-color-tag-purple, #8250df);
  }
`;
