// The last committed version of a file: through the built-in Git extension's API when it has
// the file's repository open, else through the git executable (VS Code opens no repository
// above the workspace folder unless asked, git.openRepositoryInParentFolders).
import { execFile } from 'child_process';
import * as path from 'path';
import { Event, extensions, Uri } from 'vscode';

interface GitRepository {
  readonly rootUri: Uri;
  show(ref: string, path: string): Promise<string>;
}

interface GitAPI {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: Event<'uninitialized' | 'initialized'>;
  readonly git: { readonly path: string };
  getRepository(uri: Uri): GitRepository | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitAPI;
}

export type HeadVersion = { text: string } | { problem: string };

export async function committedVersion(uri: Uri, name: string): Promise<HeadVersion> {
  if (uri.scheme !== 'file') return { problem: `${name} is not a file on disk, so it has no committed version.` };
  const api = await gitApi();
  const repository = api?.getRepository(uri);
  if (repository) {
    try {
      return { text: await repository.show('HEAD', uri.fsPath) };
    } catch (error) {
      return { problem: notCommitted(name, error) };
    }
  }
  // No repository open for it in VS Code: ask git itself.
  const git = api?.git.path ?? 'git';
  const directory = path.dirname(uri.fsPath);
  const root = await run(git, ['-C', directory, 'rev-parse', '--show-toplevel']);
  if ('error' in root) {
    if (root.missing) return { problem: `Git is not available (${api ? 'git could not be run' : 'the built-in Git extension is disabled and git is not on the PATH'}), so ${name} cannot be compared with its last committed version.` };
    return { problem: `${name} is not in a Git repository.` };
  }
  const relative = path.relative(root.output.trim(), uri.fsPath).split(path.sep).join('/');
  const shown = await run(git, ['-C', root.output.trim(), 'show', `HEAD:${relative}`]);
  return 'error' in shown ? { problem: notCommitted(name, shown.error) } : { text: shown.output };
}

async function gitApi(): Promise<GitAPI | undefined> {
  try {
    const extension = extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports?.enabled) return undefined;
    const api = exports.getAPI(1);
    if (api.state !== 'initialized') {
      // The first scan of the workspace's repositories; do not wait for long.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          listener.dispose();
          resolve();
        };
        const timer = setTimeout(done, 3000);
        const listener = api.onDidChangeState((state) => state === 'initialized' && done());
      });
    }
    return api;
  } catch {
    return undefined;
  }
}

function notCommitted(name: string, error: unknown): string {
  const detail = String((error as { stderr?: string })?.stderr || (error as Error)?.message || error).trim().split('\n')[0];
  return `${name} has no committed version: it is untracked, or new since the last commit${detail ? ` (git: ${detail})` : ''}.`;
}

function run(command: string, args: string[]): Promise<{ output: string } | { error: unknown; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024, timeout: 15_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error) resolve({ error: stderr || error, missing: (error as NodeJS.ErrnoException).code === 'ENOENT' });
      else resolve({ output: stdout });
    });
  });
}
