// The server crashes (its process is killed); the client restarts it and the features come back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { documentSymbols, names, openSeed, SEED_004, sleep } from './helpers';

/** The server's process id, or undefined while there is no server to answer. */
async function serverProcessId(): Promise<number | undefined> {
  try {
    const pid = await vscode.commands.executeCommand<number | undefined>('unres.serverProcessId');
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

suite('Language server crash', () => {
  test('the server process is killed: the client restarts it and the outline comes back', async function () {
    this.timeout(120_000);
    const document = await openSeed(SEED_004);
    const outline = names(await documentSymbols(document.uri));
    const killed = await serverProcessId();
    assert.ok(killed !== undefined && killed > 0 && killed !== process.pid, `server process id: ${killed}`);

    process.kill(killed, 'SIGKILL');

    let restarted: number | undefined;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(250)) {
      restarted = await serverProcessId();
      if (restarted !== undefined && restarted !== killed) break;
    }
    assert.ok(restarted !== undefined && restarted !== killed, `no new server after the crash (last id: ${restarted})`);
    assert.deepStrictEqual(names(await documentSymbols(document.uri)), outline);
  });
});
