// Which report formats exist and how one is rendered from an audit. Every renderer but text is a pure function of
// the JSON contract's object (renderJson), so no format can show what the JSON does not carry.
import type { AuditOutput } from './audit-output.js';
import { renderAsffString } from './asff.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html/index.js';
import { renderJunit } from './junit.js';
import { renderOcsfString } from './ocsf.js';
import { renderSarifString } from './sarif.js';

export const REPORT_FORMATS = ['text', 'json', 'html', 'sarif', 'junit', 'csv', 'ocsf', 'asff'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type FileFormat = Exclude<ReportFormat, 'text'>;

export interface RenderOptions {
  /** ASFF's Security Hub region. */
  region: string;
}

/** One format's text; `audit` is renderJson's object. */
export function renderFormat(format: FileFormat, audit: AuditOutput, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(audit, null, 2)}\n`;
    case 'html':
      return renderHtml(audit);
    case 'sarif':
      return renderSarifString(audit);
    case 'junit':
      return renderJunit(audit);
    case 'csv':
      return renderCsv(audit);
    case 'ocsf':
      return renderOcsfString(audit);
    case 'asff':
      return renderAsffString(audit, options);
  }
}
