// "Write Amendments Against…" and "Apply Amendments…". The server writes and applies the
// amendments (requests unres/amendments and unres/applyAmendments); this module picks the other
// file and opens the result in a new untitled document. The draft itself is never changed.
//
// Both commands take optional arguments, so that menus, other extensions and tests can skip the
// pickers, and return what they opened (undefined when cancelled or refused):
//   unres.writeAmendmentsAgainstFile ({ document?, with?, oral? } | Uri): the active draft is the
//     amended version, `with` (or the file picked) the text being amended;
//   unres.applyAmendments ({ document?, amendments? } | Uri): the active draft is amended with the
//     amendments in `amendments` (or the file picked).
import * as path from 'path';
import { commands, ExtensionContext, Uri, window, workspace, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  AMENDMENTS_REQUEST, APPLY_AMENDMENTS_REQUEST, type AmendmentProblemItem, type AmendmentsParams, type AmendmentsResult, type ApplyAmendmentsParams,
  type ApplyAmendmentsResult, type CompareError,
} from '../../server/src/protocol';
import { documentToCompare, nameOf, sideOf, uriOf } from './compare/commands';

export const AMENDMENT_COMMANDS = {
  write: 'unres.writeAmendmentsAgainstFile',
  apply: 'unres.applyAmendments',
} as const;

export interface AmendmentsCommandOptions {
  /** The draft: by default the active editor's document. */
  document?: Uri | string;
  /** Write: the text being amended (the older version). */
  with?: Uri | string;
  /** Write: an oral revision, in the past tense. */
  oral?: boolean;
  /** Apply: the amendments' file. */
  amendments?: Uri | string;
}

export type AmendmentsCommandResult =
  | { kind: 'amendments'; document: Uri; text: string; count: number }
  | { kind: 'applied'; document: Uri; text: string; applied: number }
  | { kind: 'problems'; problems: AmendmentProblemItem[] };

export function registerAmendmentCommands(context: ExtensionContext, client: LanguageClient): void {
  const ask = async <T extends object>(method: string, params: AmendmentsParams | ApplyAmendmentsParams): Promise<T | undefined> => {
    let result: T | CompareError;
    try {
      result = await client.sendRequest<T | CompareError>(method, params);
    } catch (error) {
      result = { error: `the request failed (${(error as Error)?.message ?? error})` };
    }
    if ('error' in result) {
      void window.showErrorMessage(`UN Resolutions: ${result.error}`);
      return undefined;
    }
    return result;
  };
  const pick = async (document: TextDocument, title: string, openLabel: string): Promise<Uri | undefined> => {
    const picked = await window.showOpenDialog({
      canSelectMany: false,
      defaultUri: document.uri.scheme === 'file' ? Uri.file(path.dirname(document.uri.fsPath)) : workspace.workspaceFolders?.[0]?.uri,
      openLabel,
      title,
      filters: { 'Resolutions, drafts and amendments': ['unres', 'txt', 'md'], 'All files': ['*'] },
    });
    return picked?.[0];
  };
  const show = async (text: string, language: string): Promise<Uri> => {
    const opened = await workspace.openTextDocument({ content: text, language });
    await window.showTextDocument(opened, { preview: false });
    return opened.uri;
  };

  context.subscriptions.push(
    commands.registerCommand(AMENDMENT_COMMANDS.write, async (arg?: Uri | AmendmentsCommandOptions): Promise<AmendmentsCommandResult | undefined> => {
      const options = optionsOf(arg);
      const document = await documentToCompare(options);
      if (!document) return undefined;
      const other = uriOf(options.with) ?? (await pick(document, `Write amendments that make ${nameOf(document)} of…`, 'Write Amendments'));
      if (!other) return undefined;
      const older = await workspace.openTextDocument(other);
      const result = await ask<AmendmentsResult>(AMENDMENTS_REQUEST, { old: sideOf(older), new: sideOf(document), oral: options.oral === true });
      if (!result) return undefined;
      for (const warning of result.warnings) void window.showWarningMessage(`UN Resolutions: ${warning}`);
      return { kind: 'amendments', document: await show(result.text, 'plaintext'), text: result.text, count: result.count };
    }),
    commands.registerCommand(AMENDMENT_COMMANDS.apply, async (arg?: Uri | AmendmentsCommandOptions): Promise<AmendmentsCommandResult | undefined> => {
      const options = optionsOf(arg);
      const document = await documentToCompare(options);
      if (!document) return undefined;
      const file = uriOf(options.amendments) ?? (await pick(document, `Apply amendments to ${nameOf(document)} from…`, 'Apply Amendments'));
      if (!file) return undefined;
      const amendments = await workspace.openTextDocument(file);
      const params: ApplyAmendmentsParams = { draft: sideOf(document), amendments: { uri: amendments.uri.toString(), text: amendments.getText() } };
      const result = await ask<ApplyAmendmentsResult>(APPLY_AMENDMENTS_REQUEST, params);
      if (!result) return undefined;
      if ('problems' in result) {
        const [first] = result.problems;
        const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
        void window.showErrorMessage(
          `UN Resolutions: ${result.problems.length} amendment${result.problems.length === 1 ? '' : 's'} of ${nameOf(amendments)} do not match ${nameOf(document)}; nothing was applied. Line ${first.line}, column ${first.column}: ${first.message}${more}.`,
        );
        return { kind: 'problems', problems: result.problems };
      }
      return { kind: 'applied', document: await show(result.text, 'unres'), text: result.text, applied: result.applied };
    }),
  );
}

function optionsOf(arg: unknown): AmendmentsCommandOptions {
  if (arg instanceof Uri) return { document: arg };
  return arg && typeof arg === 'object' ? (arg as AmendmentsCommandOptions) : {};
}
