import * as assert from 'assert';
import type { CompletionItem, MarkupContent, Position, TextEdit } from 'vscode-languageserver-types';
import type { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { getCitationCompletions } from '../../../server/src/services/citationCompletion';
import { withCursors } from '../../helpers';
import { completionEditProblems } from './completionEdits';
import { knowledgeBaseOf, parseText, seedKnowledgeBase } from './lookupFixtures';

describe('citation completion', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = await seedKnowledgeBase();
  });

  /** Completions at the `|` (or at `position`), each with edits every editor accepts. */
  function complete(marked: string, base = kb, position?: Position): { items: CompletionItem[] | null; text: string; cursor: number } {
    const { text, cursors } = withCursors(marked);
    const doc = parseText(text);
    const at = position ?? doc.lines.positionAt(cursors[0]);
    const items = getCitationCompletions(doc, at, base);
    // Past a line's end is its end, past the last line the end of the text.
    const line = Math.min(at.line, doc.lines.lineCount - 1);
    const cursor = at.line > line ? doc.lines.positionAt(text.length) : { line, character: Math.min(at.character, doc.lines.lineEnd(line) - doc.lines.lineStart(line)) };
    assert.deepStrictEqual((items ?? []).flatMap((item) => completionEditProblems(doc, cursor, item)), []);
    return { items, text, cursor: cursors[0] };
  }

  const insert = (item: CompletionItem) => (item.textEdit as TextEdit).newText;

  it('offers 73/266 and 73/27 with their dates after "Recalling its resolution 73/", most recent first', () => {
    const { items } = complete('The General Assembly,\n\nRecalling its resolution 73/|\n');
    assert.ok(items);
    assert.deepStrictEqual(items.map((i) => [i.label, insert(i)]), [
      ['73/266', '73/266 of 22 December 2018'],
      ['73/27', '73/27 of 5 December 2018'],
    ]);
    assert.strictEqual(items[0].detail, 'Advancing responsible State behaviour in cyberspace in the context of international security');
    assert.match((items[0].documentation as MarkupContent).value, /^\*\*A\/RES\/73\/266\*\* · adopted 22 December 2018\n\n\*Advancing responsible State behaviour/);
  });

  it('replaces the typed part of the symbol', () => {
    const { items, text, cursor } = complete('Recalling its resolution 73/2|\n');
    const edit = items![0].textEdit as TextEdit;
    assert.deepStrictEqual(edit.range, { start: { line: 0, character: cursor - 4 }, end: { line: 0, character: cursor } });
    assert.strictEqual(text.slice(cursor - 4, cursor), '73/2');
    assert.deepStrictEqual(items!.map((i) => i.label), ['73/266', '73/27']);
  });

  it('sorts every known resolution by session, the most recent first', () => {
    const { items } = complete('Recalling its resolution |');
    assert.ok(items && items.length > 20);
    const labels = items.map((i) => i.label);
    assert.deepStrictEqual(labels.slice(0, 4), ['78/16', '77/37', '76/19', '75/240']);
    assert.deepStrictEqual(labels.slice(-2), ['43/78 H', '36/103']);
    assert.ok(!labels.includes('72/512'), 'a decision is not a resolution');
    assert.ok(items.every((i, n) => i.sortText === String(n).padStart(5, '0')));
  });

  it('offers the 500 most recent of more, by session, then date, then number', () => {
    // Five sessions of 200 resolutions each, dated out of their numbers' order.
    const rows = [];
    for (let session = 75; session <= 79; session++) {
      for (let n = 1; n <= 200; n++) {
        const date = `${1945 + session}-12-${String(1 + ((n * 7) % 28)).padStart(2, '0')}`;
        rows.push({ uri: 'file:///catalogue.csv', row: { symbol: `${session}/${n}`, kind: 'resolution' as const, date, line: rows.length + 2 } });
      }
    }
    const many = knowledgeBaseOf(rows);
    const { items } = complete('Recalling its resolution |', many);
    const expected = rows
      .map(({ row }) => ({ key: row.symbol, session: Number(row.symbol.split('/')[0]), number: Number(row.symbol.split('/')[1]), date: row.date }))
      .sort((a, b) => b.session - a.session || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || b.number - a.number)
      .slice(0, 500)
      .map((r) => r.key);
    assert.deepStrictEqual(items!.map((i) => i.label), expected);
  });

  it('continues a list after "and " and after ", "', () => {
    const afterAnd = complete('Recalling its resolutions 53/70 of 4 December 1998 and 54/4|');
    assert.deepStrictEqual(afterAnd.items!.map(insert), ['54/49 of 1 December 1999']);
    const afterComma = complete('Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999,\n55/2|');
    assert.deepStrictEqual(afterComma.items!.map(insert), ['55/28 of 20 November 2000']);
    const bare = complete('Recalling its resolutions 74/28 and 74/2|');
    assert.deepStrictEqual(bare.items!.map(insert), ['74/29 of 12 December 2019', '74/28 of 12 December 2019']);
  });

  it('offers decisions after "decision "', () => {
    const { items } = complete('Recalling also its decision 7|');
    assert.deepStrictEqual(items!.map(insert), ['72/512 of 4 December 2017']);
  });

  it('leaves the date out when the text already goes on with " of"', () => {
    const { items } = complete('Recalling its resolution 73/26| of 22 December 2018,');
    assert.deepStrictEqual(items!.map(insert), ['73/266']);
  });

  it('inserts no date the knowledge base does not have, and the symbol in full when it is typed in full', () => {
    const bare = knowledgeBaseOf([{ uri: 'file:///c.csv', row: { symbol: '80/1', kind: 'resolution', title: 'A title', line: 2 } }]);
    assert.deepStrictEqual(complete('Recalling its resolution 80|', bare).items!.map(insert), ['80/1']);
    assert.deepStrictEqual(complete('Recalling its resolution A/RES/73/26|').items!.map(insert), ['A/RES/73/266 of 22 December 2018']);
  });

  it('escapes the title in the documentation', () => {
    const hostile = knowledgeBaseOf([{ uri: 'file:///c.csv', row: { symbol: '80/1', kind: 'resolution', title: '[x](command:evil) <img src=x>', line: 2 } }]);
    const doc = (complete('resolution 80|', hostile).items![0].documentation as MarkupContent).value;
    assert.ok(doc.includes('\\[x\\]\\(command\\:evil\\) \\<img src\\=x\\>'), doc);
  });

  it('a list continued on the next line edits the cursor line only', () => {
    const { items } = complete('Recalling its resolutions 53/70 of 4 December 1998 and\n54/4|\n');
    assert.deepStrictEqual(items!.map(insert), ['54/49 of 1 December 1999']);
  });

  it('a position past the end of its line is read as the line\'s end', () => {
    const marked = 'Recalling its resolution 73/2|\n\nNoting the report,\n';
    const atEnd = complete(marked);
    const far = complete(marked, kb, { line: 0, character: 500 });
    assert.deepStrictEqual(far.items, atEnd.items);
    const pastLastLine = complete('Recalling its resolution 73/2|', kb, { line: 40, character: 3 });
    assert.deepStrictEqual(pastLastLine.items!.map(insert), ['73/266 of 22 December 2018', '73/27 of 5 December 2018']);
  });

  it('answers null outside a citation context', () => {
    assert.strictEqual(complete('Recalling its report 73/|').items, null);
    assert.strictEqual(complete('Recalling its resolution|').items, null);
    assert.strictEqual(complete('Recalling its resolutions 73/266 of 22 December 2018 |').items, null);
    assert.strictEqual(complete('Recalling its resolution ent|').items, null);
  });
});
