// Plain-text layout helpers. They work on text before colouring, so widths are never thrown off by ANSI codes.

// C0 and C1 control characters, ESC included: resource names and AWS error messages come from outside, and a
// terminal must not be made to run an escape sequence hidden in one.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * Word-wraps `text` to `firstWidth` columns on its first line and `restWidth` after. A word longer than the width
 * (an ARN, a URL) stays whole on its own line: broken, it could not be copied.
 */
export function wrap(text: string, firstWidth: number, restWidth: number = firstWidth): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const limit = lines.length === 0 ? firstWidth : restWidth;
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= limit) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}
