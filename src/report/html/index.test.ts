// The HTML report as text (the browser tests in test/report/html-browser.test.ts check it rendered): escaped,
// self-contained, its inline style and script allowed by hash and nothing else.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CANARY, exampleAudit, hostileAudit } from '../../../test/report/audits.js';
import { renderHtml } from './index.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('renderHtml', () => {
  it('escapes every string from the audit: markup in a resource or message is text', () => {
    const html = renderHtml(hostileAudit());
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>alias</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain(CANARY);
  });

  it('forbids every fetch and allows only its own style and script', async () => {
    const html = renderHtml(await exampleAudit('leaky-account'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBe(`default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(html).toContain(`<style>${STYLE}</style>`);
    expect(html).toContain(`<script>${SCRIPT}</script>`);
    // No URL to fetch: the only one is the SVG namespace, which is a name, not a request.
    expect(html.match(/https?:\/\/[^\s"'<)]+/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('lists the manual steps: the console-only fixes that do not pass', async () => {
    const manual = /<section id="manual">([\s\S]*?)<\/section>/.exec(renderHtml(await exampleAudit('leaky-account')))![1]!;
    expect(manual).toContain('root-mfa');
    expect(manual).toContain('root-access-keys');
    expect(manual).not.toContain('password-min-length');
    const clean = /<section id="manual">([\s\S]*?)<\/section>/.exec(renderHtml(await exampleAudit('clean-account')))![1]!;
    expect(clean).not.toContain('root-mfa');
  });
});
