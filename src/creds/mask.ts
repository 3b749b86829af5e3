/** An access key id as rampart shows it: first 4 and last 4 (AKIA…WXYZ). Secrets are never shown at all. */
export const maskKeyId = (id: string): string => (id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : '…');
