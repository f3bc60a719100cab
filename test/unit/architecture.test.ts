// The boundaries ARCHITECTURE.md states, checked on the import graph of the sources: what each
// layer may import, and what it must never do.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers';

interface Import {
  /** The importing file, relative to the repository ("server/src/parser/parse.ts"). */
  file: string;
  /** A package name, or the imported file relative to the repository, without its extension. */
  target: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  const found: string[] = [];
  const pending = [path.join(repoRoot, dir)];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.name.endsWith('.ts')) found.push(path.relative(repoRoot, full).split(path.sep).join('/'));
    }
  }
  return found.sort();
}

const IMPORT = /^(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[3];
    const target = spec.startsWith('.') ? path.posix.join(path.posix.dirname(file), spec) : spec;
    found.push({ file, target, typeOnly: match[2] !== undefined });
  }
  return found;
}

const server = sources('server/src').flatMap(importsOf);
const client = sources('client/src').flatMap(importsOf);
const under = (folder: string) => (i: Import) => i.file.startsWith(`server/src/${folder}/`);
const violations = (imports: Import[], forbidden: (target: string) => boolean) =>
  imports.filter((i) => forbidden(i.target)).map((i) => `${i.file} imports ${i.target}`);

describe('architecture: what each layer may import', () => {
  it('the parser imports no LSP package and nothing above it: text in, model out', () => {
    const parser = server.filter(under('parser'));
    assert.ok(parser.length > 10);
    assert.deepStrictEqual(violations(parser, (t) => !t.startsWith('server/src/parser/') && t !== 'server/src/arrays'), []);
  });

  it('only server.ts holds the connection: no feature imports vscode-languageserver, and the services import LSP types only', () => {
    const connection = (t: string) => t === 'vscode-languageserver' || t.startsWith('vscode-languageserver/');
    assert.deepStrictEqual(violations(server.filter((i) => i.file !== 'server/src/server.ts'), connection), []);
    assert.deepStrictEqual(violations(server.filter(under('services')), (t) => t.startsWith('vscode-') && t !== 'vscode-languageserver-types'), []);
  });

  it('the comparison, the corpus and agreed language never import the services, the CLI or the server', () => {
    const above = (t: string) => /^server\/src\/(services|cli)\//.test(t) || t === 'server/src/server' || t === 'server/src/languageService';
    for (const layer of ['compare', 'corpus', 'agreed']) assert.deepStrictEqual(violations(server.filter(under(layer)), above), [], layer);
  });

  it('amendments stand beside the comparison: they read the parser and the comparison, never the services, the corpus, the CLI or the server', () => {
    const amendments = server.filter(under('amendments'));
    assert.ok(amendments.length > 5);
    const forbidden = (t: string) => /^server\/src\/(services|corpus|cli|agreed)\//.test(t) || ['server/src/server', 'server/src/languageService', 'server/src/knowledge'].includes(t);
    assert.deepStrictEqual(violations(amendments, forbidden), []);
  });

  it('the formats read bytes into text and import nothing of the project but the low modules', () => {
    const formats = server.filter(under('formats'));
    assert.ok(formats.length > 5);
    const allowed = (t: string) => t.startsWith('server/src/formats/') || ['server/src/arrays', 'server/src/text'].includes(t) || t.startsWith('pdfjs-dist') || t === 'mammoth' || t === 'jszip';
    assert.deepStrictEqual(violations(formats, (t) => !allowed(t)), []);
  });

  it('the low modules (text, arrays, interner, positions, protocol) import no feature', () => {
    const low = ['text', 'arrays', 'interner', 'positions', 'protocol'].map((name) => `server/src/${name}.ts`);
    const feature = (t: string) => /^server\/src\/(services|cli|corpus|agreed|compare|amendments|formats)\//.test(t) && t !== 'server/src/compare/types';
    assert.deepStrictEqual(violations(server.filter((i) => low.includes(i.file)), feature), []);
  });

  it('the services never import the knowledge holder, the language service or each other\'s callers', () => {
    const callers = (t: string) => ['server/src/knowledge', 'server/src/languageService', 'server/src/server'].includes(t) || t.startsWith('server/src/cli/');
    assert.deepStrictEqual(violations(server.filter(under('services')), callers), []);
  });

  it('the client takes from the server only the protocol (names and shapes) and types', () => {
    const fromServer = client.filter((i) => i.target.startsWith('server/src/'));
    assert.ok(fromServer.length > 0);
    assert.deepStrictEqual(fromServer.filter((i) => i.target !== 'server/src/protocol' && !i.typeOnly).map((i) => `${i.file} imports ${i.target}`), []);
  });
});

describe('architecture: corpus and draft text is never trusted', () => {
  it('no server source marks Markdown trusted or enables HTML in it', () => {
    for (const file of sources('server/src')) {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      assert.ok(!/isTrusted\s*:\s*true|supportHtml\s*:\s*true/.test(text), file);
    }
  });
  it('the client renders hovers and completions as untrusted Markdown without HTML', () => {
    const extension = readFileSync(path.join(repoRoot, 'client/src/extension.ts'), 'utf8');
    assert.match(extension, /markdown:\s*\{\s*isTrusted:\s*false,\s*supportHtml:\s*false\s*\}/);
  });
});
