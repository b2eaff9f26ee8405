/** The Government Security Classification marking every export, pack and bundle carries (docs/security.md). */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';
