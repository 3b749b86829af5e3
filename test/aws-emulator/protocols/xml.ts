// A tiny XML writer for the emulator's responses. Handlers describe a response as plain data
// (objects, arrays, scalars); this turns it into elements. Every text value is escaped here, in
// one place, so no handler can forget to.

/** A list whose items are not `<member>` (ec2Query's `<item>`, S3's named items). */
export class XmlList {
  constructor(
    readonly items: readonly XmlValue[],
    readonly itemName: string,
  ) {}
}

/** awsQuery maps: `<entry><key/><value/></entry>`. */
export class XmlMap {
  constructor(readonly entries: Readonly<Record<string, XmlValue>>) {}
}

/** A child repeated without a wrapper (restXml "flattened" lists): `<Contents/><Contents/>`. */
export class XmlFlat {
  constructor(readonly items: readonly XmlValue[]) {}
}

export type XmlScalar = string | number | boolean | Date;
export type XmlValue =
  | XmlScalar
  | null
  | undefined
  | XmlList
  | XmlMap
  | XmlFlat
  | readonly XmlValue[]
  | { readonly [element: string]: XmlValue };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
  '\n': '&#xA;',
  '\t': '&#x9;',
};

/** Escapes text for an element body or an attribute. Other C0 controls are not legal XML 1.0 at all: dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"'\r\n\t]/g, (c) => ESCAPES[c] ?? c).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** AWS's XML timestamp format: ISO 8601, UTC, whole seconds. */
export function xmlDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function scalarText(value: XmlScalar): string {
  if (value instanceof Date) return xmlDate(value);
  return String(value);
}

/** `<name>value</name>`; nothing at all for null/undefined (an absent optional member). */
export function element(name: string, value: XmlValue, listItem = 'member'): string {
  if (value === null || value === undefined) return '';
  if (value instanceof XmlFlat) return value.items.map((item) => element(name, item, listItem)).join('');
  return `<${name}>${content(value, listItem)}</${name}>`;
}

/** The children of an element, without the element itself. */
export function content(value: XmlValue, listItem = 'member'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return escapeXml(scalarText(value));
  }
  if (value instanceof XmlList) return value.items.map((item) => element(value.itemName, item, listItem)).join('');
  if (value instanceof XmlMap) {
    return Object.entries(value.entries)
      .map(([key, v]) => `<entry>${element('key', key)}${element('value', v, listItem)}</entry>`)
      .join('');
  }
  if (value instanceof XmlFlat) throw new Error('XmlFlat must be the value of a named member');
  if (isArray(value)) return value.map((item) => element(listItem, item, listItem)).join('');
  return Object.entries(value)
    .map(([name, v]) => element(name, v, listItem))
    .join('');
}

function isArray(value: unknown): value is readonly XmlValue[] {
  return Array.isArray(value);
}

/** A whole document: declaration, root element with its namespace. */
export function xmlDocument(root: string, value: XmlValue, xmlns?: string, listItem = 'member'): string {
  const ns = xmlns ? ` xmlns="${escapeXml(xmlns)}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${content(value, listItem)}</${root}>`;
}
