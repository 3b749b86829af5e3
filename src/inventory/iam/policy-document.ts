// IAM returns policy documents URL-encoded (RFC 3986) JSON. The snapshot keeps them parsed.

/**
 * The document as data. Some AWS-compatible endpoints send the JSON unencoded, so text that already starts like
 * JSON is parsed as it is. A document that is not JSON is kept as its text: the policy linter reports it.
 */
export function parsePolicyDocument(raw: string | undefined): unknown {
  if (raw === undefined) return null;
  let text = raw;
  if (!/^\s*[{[]/.test(raw)) {
    try {
      text = decodeURIComponent(raw);
    } catch {
      // Not valid percent-encoding: keep the text as AWS gave it.
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
