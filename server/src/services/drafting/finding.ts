// What a check of the drafting family finds: a diagnostic's place, code and message, and the
// edit of its quick fix when it has one.
import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Span } from '../../parser/model';

export interface DraftingFinding {
  code: string;
  severity: DiagnosticSeverity;
  span: Span;
  message: string;
  /** The quick fix; `fixAll` when it is certain enough for Fix all. */
  fix?: Span & { title: string; newText: string; fixAll: boolean };
}
