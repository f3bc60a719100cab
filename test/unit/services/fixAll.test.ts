import * as assert from 'assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { getFixAllAction } from '../../../server/src/services/fixAll';
import { getNumberingFixAll } from '../../../server/src/services/structure/numbering';
import { mulberry32 } from '../../helpers';

function documentOf(text: string): ParsedDocument {
  return ParsedDocument.parse({ uri: 'untitled:fix-all.unres', version: 1, getText: () => text });
}

const edit = (document: ParsedDocument, start: number, end: number, newText = 'x'): TextEdit => ({ range: document.range({ start, end }), newText });

function kept(document: ParsedDocument, lists: TextEdit[][]): TextEdit[] {
  return getFixAllAction(document, lists)?.edit?.changes?.[document.uri] ?? [];
}

/** The rule as first written: each edit against every edit taken before it. */
function keptByScan(document: ParsedDocument, lists: TextEdit[][]): TextEdit[] {
  const out: TextEdit[] = [];
  const taken: [number, number][] = [];
  for (const e of lists.flat()) {
    const start = document.lines.offsetAt(e.range.start);
    const end = document.lines.offsetAt(e.range.end);
    if (taken.some(([s, t]) => (start < t && s < end) || (start === end && start > s && start < t))) continue;
    taken.push([start, end]);
    out.push(e);
  }
  return out;
}

describe('fix all', () => {
  const document = documentOf('The General Assembly,\n\n1. Decides;\n\n3. Requests;\n\n5. Decides to remain seized of the matter.\n');

  it('keeps the first of two overlapping edits, in the order the rule families come', () => {
    const a = edit(document, 25, 27, 'A');
    const b = edit(document, 26, 30, 'B');
    const c = edit(document, 30, 32, 'C');
    assert.deepStrictEqual(kept(document, [[a], [b, c]]), [a, c], 'b overlaps a; c only touches b, which was dropped');
    assert.deepStrictEqual(kept(document, [[b], [a, c]]), [b, c], 'a overlaps b; c starts where b ends');
  });

  it('drops an insertion strictly inside a replacement, keeps insertions at its ends and at one place', () => {
    const replace = edit(document, 25, 30);
    const inside = edit(document, 27, 27);
    const atStart = edit(document, 25, 25);
    const atEnd = edit(document, 30, 30);
    const again = edit(document, 30, 30, 'y');
    assert.deepStrictEqual(kept(document, [[replace, inside, atStart, atEnd, again]]), [replace, atStart, atEnd, again]);
    assert.deepStrictEqual(kept(document, [[inside, replace, atStart]]), [inside, atStart], 'a replacement around an insertion taken before is dropped');
  });

  it('decides as the scan over every taken edit did, on random edits', () => {
    const random = mulberry32(0xf1a11);
    const length = document.model.text.length;
    for (let round = 0; round < 300; round++) {
      const lists: TextEdit[][] = [[], []];
      for (let i = 0; i < 30; i++) {
        const start = Math.floor(random() * length);
        const end = random() < 0.3 ? start : Math.min(length, start + Math.floor(random() * 6));
        lists[i % 2].push(edit(document, start, end, String(i)));
      }
      assert.deepStrictEqual(kept(document, lists), keptByScan(document, lists), `round ${round}`);
    }
  });

  it('keeps every one of tens of thousands of label fixes that do not overlap', function () {
    // 40,000 fixes: seconds on a busy machine; never timed here (the bench's pathological section is).
    this.timeout(60_000);
    // Every "(aa)" is relettered: one edit each, none overlapping.
    const big = documentOf(`The General Assembly,\n\n1. Decides:\n${'(aa) Item;\n'.repeat(40_000)}`);
    const edits = getNumberingFixAll(big);
    assert.ok(edits.length > 30_000, `${edits.length} label fixes`);
    const result = kept(big, [edits, []]);
    assert.strictEqual(result.length, edits.length);
  });
});
