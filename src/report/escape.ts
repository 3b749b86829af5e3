// Escaping for markup: every string from an audit (resource names, messages) is text, never markup.

const MARKUP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML text and attribute values (always double- or single-quoted). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => MARKUP[c]!);

// XML 1.0 allows tab, LF, CR and nothing else below 0x20; lone surrogates and U+FFFE/FFFF are not characters either.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** For XML text and attribute values: escaped with XML's own entities, characters XML cannot carry replaced by U+FFFD. */
export const escapeXml = (text: string): string => escapeHtml(text.replace(NOT_XML, '\uFFFD')).replace(/&#39;/g, '&apos;');
