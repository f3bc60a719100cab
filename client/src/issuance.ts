// "Prepare for Issuance": asks the server for the edit that turns the active negotiated draft
// into the text to issue and applies it, or tells the user which brackets remain.
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  PREPARE_FOR_ISSUANCE_COMMAND, PREPARE_FOR_ISSUANCE_REQUEST, type PrepareForIssuanceParams, type PrepareForIssuanceResult,
} from '../../server/src/protocol';

export function registerIssuanceCommand(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand(PREPARE_FOR_ISSUANCE_COMMAND, async (): Promise<PrepareForIssuanceResult | undefined> => {
      const editor = window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'unres') {
        void window.showWarningMessage('Prepare for Issuance works on an open UN resolution draft.');
        return undefined;
      }
      const params: PrepareForIssuanceParams = { uri: editor.document.uri.toString() };
      const result = await client.sendRequest<PrepareForIssuanceResult>(PREPARE_FOR_ISSUANCE_REQUEST, params);
      if (!result.ok) {
        void window.showWarningMessage(result.message);
        return result;
      }
      if (result.edit) {
        const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
        if (!(await workspace.applyEdit(edit))) {
          void window.showErrorMessage('Prepare for Issuance: the edit could not be applied (the document changed meanwhile?).');
          return { ...result, ok: false };
        }
      }
      void window.showInformationMessage(result.message);
      return result;
    }),
  );
}
