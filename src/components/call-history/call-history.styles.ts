import { css } from 'lit';

export const callHistoryStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .title {
    margin: 0;
    font-size: calc(var(--_font-size) + 1px);
  }
  .list {
    list-style: none;
    margin: 6px 0 0;
    padding: 0;
    max-height: var(--vc-call-history-max-height, 320px);
    overflow: auto;
  }
  .entry {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 0;
    border-top: 1px solid var(--_border);
  }
  .stripe {
    align-self: stretch;
    width: 4px;
    border-radius: 2px;
    background: var(--_tag, transparent);
  }
  .text {
    display: grid;
    flex: 1;
    min-width: 0;
  }
  .party,
  .details {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .number,
  .details,
  .empty {
    color: var(--_text-muted);
  }
  .empty {
    margin: 6px 0 0;
  }
`;
