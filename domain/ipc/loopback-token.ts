/** The header in which the browser sends the loopback host's per-launch token (never in a URL). */
export const LOOPBACK_TOKEN_HEADER = 'x-casebridge-token';
