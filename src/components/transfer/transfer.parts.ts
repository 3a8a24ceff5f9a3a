/** Parts of `<vc-transfer>`, for `exportparts` further up. */
export const TRANSFER_PARTS = ['base', 'transfer-button', 'transfer-button-label', 'panel', 'label', 'input', 'hint', 'error', 'transfer-now-button', 'consult-button', 'status', 'problem', 'complete-button', 'cancel-consult-button'] as const;
