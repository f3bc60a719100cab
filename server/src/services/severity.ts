// The user's severity for each diagnostic code (`unres.diagnostics.severity`): change it, or
// turn the code off.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';

const LEVELS: Record<string, DiagnosticSeverity | 'off'> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
  off: 'off',
};

/** `unres.diagnostics.severity` as the client sends it: a level or "off" by code (anything else is ignored). */
export type SeveritySettings = Record<string, unknown>;

export function applySeverities(diagnostics: Diagnostic[], settings: unknown): Diagnostic[] {
  if (!settings || typeof settings !== 'object') return diagnostics;
  const overrides = settings as Record<string, unknown>;
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const wanted = overrides[String(diagnostic.code)];
    const level = typeof wanted === 'string' ? LEVELS[wanted.toLowerCase()] : undefined;
    if (level === 'off') continue;
    result.push(level === undefined ? diagnostic : { ...diagnostic, severity: level });
  }
  return result;
}
