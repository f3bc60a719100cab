// `unres check FILE…`: every check the editor runs, printed as text (file:line:col severity
// message [code]), JSON or SARIF 2.1.0. Lines and columns are 1-based; columns count Unicode
// code points. Problems are sorted by position within each file; files keep their order.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { KnowledgeBaseView } from '../corpus/types';
import type { LanguageService } from '../languageService';
import { scanLines, type Line } from '../parser/lines';
import { RULES, ruleFor, type Level, type Rule } from '../services/rules';
import type { Draft, FileNames } from './files';

export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Problem extends Location {
  severity: Level;
  code: string;
  message: string;
  related: (Location & { message: string })[];
  /** For a document read into text (a PDF): the page the problem starts on. */
  page?: number;
}

export interface FileResult {
  /** As given on the command line. */
  file: string;
  problems: Problem[];
  /** Why the file could not be checked (missing, folder, binary). */
  error?: string;
}

const LEVEL_OF: Record<number, Level> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};
const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface CheckContext {
  /** The language service, with the corpus and the `--severity` levels. */
  service: LanguageService;
  kb: KnowledgeBaseView;
  names: FileNames;
  /** Line tables of corpus files named by related information, by URI. */
  lineTables?: Map<string, Line[]>;
}

export async function checkDraft(draft: Draft, context: CheckContext): Promise<FileResult> {
  const diagnostics = await context.service.getDiagnostics({ uri: draft.uri, version: 0, getText: () => draft.text });
  const lines = scanLines(draft.text);
  const problems = diagnostics.map((diagnostic) => {
    const problem = toProblem(draft.name, lines, diagnostic, context);
    const start = lines[diagnostic.range.start.line];
    const page = start && draft.map?.locate(start.start + diagnostic.range.start.character)?.page;
    return page ? { ...problem, page } : problem;
  });
  problems.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      LEVEL_RANK[a.severity] - LEVEL_RANK[b.severity] ||
      compare(a.code, b.code) ||
      a.endLine - b.endLine ||
      a.endColumn - b.endColumn ||
      compare(a.message, b.message),
  );
  return { file: draft.name, problems };
}

function toProblem(file: string, lines: Line[], diagnostic: Diagnostic, context: CheckContext): Problem {
  const related = (diagnostic.relatedInformation ?? []).map((info) => {
    const table = relatedLines(info.location.uri, context);
    return { ...location(context.names.name(info.location.uri), table, info.location.range), message: info.message };
  });
  return {
    ...location(file, lines, diagnostic.range),
    severity: LEVEL_OF[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'error',
    code: String(diagnostic.code ?? ''),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    related,
  };
}

/** The corpus text a related location points into, for its columns in code points. */
function relatedLines(uri: string, context: CheckContext): Line[] | undefined {
  context.lineTables ??= new Map();
  let table = context.lineTables.get(uri);
  if (!table) {
    const text = context.kb.document(uri)?.parsed()?.model.text;
    if (text === undefined) return undefined;
    table = scanLines(text);
    context.lineTables.set(uri, table);
  }
  return table;
}

function location(file: string, lines: Line[] | undefined, range: Diagnostic['range']): Location {
  const column = (line: number, character: number) => {
    const text = lines?.[line]?.text;
    return text === undefined ? character + 1 : codePoints(text.slice(0, character)) + 1;
  };
  return {
    file,
    line: range.start.line + 1,
    column: column(range.start.line, range.start.character),
    endLine: range.end.line + 1,
    endColumn: column(range.end.line, range.end.character),
  };
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasErrors(results: FileResult[]): boolean {
  return results.some((result) => result.problems.some((problem) => problem.severity === 'error'));
}

// ---- text -------------------------------------------------------------------------------------

export function formatText(results: FileResult[]): string {
  const out: string[] = [];
  for (const result of results) {
    for (const p of result.problems) {
      // Lines and columns are those of the text read from a PDF (`unres outline` prints it by
      // line); the page says where to look in the PDF itself.
      out.push(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.code}]${p.page ? ` (page ${p.page})` : ''}`);
      for (const r of p.related) out.push(`    ${r.file}:${r.line}:${r.column} ${r.message}`);
    }
  }
  const line = summary(results);
  if (line) out.push(line);
  return out.length ? out.join('\n') + '\n' : '';
}

/** "2 files checked: 1 error, 8 warnings, 1 information."; nothing when no file could be read. */
function summary(results: FileResult[]): string | undefined {
  const counts: Record<Level, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) for (const p of result.problems) counts[p.severity]++;
  const checked = results.filter((r) => !r.error).length;
  const parts = (['error', 'warning', 'information', 'hint'] as Level[])
    .filter((level) => counts[level] > 0)
    .map((level) => `${counts[level]} ${level}${counts[level] === 1 || level === 'information' ? '' : 's'}`);
  const unread = results.length - checked;
  if (checked === 0) return undefined;
  const files = `${checked} file${checked === 1 ? '' : 's'} checked`;
  return `${files}${unread ? ` (${unread} could not be read)` : ''}: ${parts.length ? parts.join(', ') : 'no problems'}.`;
}

// ---- JSON -------------------------------------------------------------------------------------

export function formatJson(results: FileResult[]): string {
  const counts = { files: results.length, error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) for (const p of result.problems) counts[p.severity]++;
  const files = results.map((result) => {
    if (result.error) return { file: result.file, error: result.error, problems: [] };
    return {
      file: result.file,
      problems: result.problems.map((p) => ({
        line: p.line,
        column: p.column,
        endLine: p.endLine,
        endColumn: p.endColumn,
        severity: p.severity,
        code: p.code,
        message: p.message,
        ...(p.page ? { page: p.page } : {}),
        ...(p.related.length ? { related: p.related } : {}),
      })),
    };
  });
  return JSON.stringify({ files, summary: counts }, null, 2) + '\n';
}

// ---- SARIF 2.1.0 ------------------------------------------------------------------------------

const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * A relative path as given stays a relative URI reference against %SRCROOT% (the folder unres
 * ran in); an absolute one becomes a file URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const encode = (p: string) => p.split('/').map((part) => encodeURIComponent(part).replace(/%3A/gi, ':')).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${encode(slashed)}` };
  if (slashed.startsWith('/')) return { uri: `file://${encode(slashed)}` };
  return { uri: encode(slashed.replace(/^(?:\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}

function region(l: Location) {
  return { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn };
}

export function formatSarif(results: FileResult[], tool: { version?: string; informationUri?: string } = {}): string {
  const rules: Pick<Rule, 'code' | 'description' | 'level'>[] = RULES.filter((rule) => rule.family !== 'input');
  const index = new Map(rules.map((rule, i) => [rule.code, i]));
  const sarifResults = [];
  for (const result of results) {
    for (const p of result.problems) {
      let ruleIndex = index.get(p.code);
      if (ruleIndex === undefined) {
        // A code this list does not know yet still gets a rule.
        ruleIndex = rules.length;
        rules.push({ code: p.code, description: p.code, level: p.severity });
        index.set(p.code, ruleIndex);
      }
      sarifResults.push({
        ruleId: p.code,
        ruleIndex,
        level: SARIF_LEVEL[p.severity],
        message: { text: p.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file), region: region(p) } }],
        ...(p.related.length
          ? {
              relatedLocations: p.related.map((r, id) => ({
                id,
                message: { text: r.message },
                physicalLocation: { artifactLocation: artifactLocation(r.file), region: region(r) },
              })),
            }
          : {}),
      });
    }
  }
  const unread = results.filter((r) => r.error);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'unres',
            ...(tool.version ? { version: tool.version } : {}),
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: rules.map((rule) => ({
              id: rule.code,
              name: rule.code.replace(/^unres\./, ''),
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: SARIF_LEVEL[ruleFor(rule.code)?.level ?? rule.level] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: unread.length === 0,
            ...(unread.length
              ? {
                  toolExecutionNotifications: unread.map((r) => ({
                    level: 'error',
                    message: { text: r.error },
                    locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file) } }],
                  })),
                }
              : {}),
          },
        ],
        columnKind: 'unicodeCodePoints',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
