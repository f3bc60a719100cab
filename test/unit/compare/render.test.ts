import * as assert from 'assert';
import { compareDocuments } from '../../../server/src/compare/compare';
import {
  changeAnchor, changeHeading, COMPARISON_CSS, formatSummary, renderComparison, renderComparisonHtmlBody, summaryLine,
} from '../../../server/src/compare/render';
import type { Comparison, ComparedUnit, ParagraphChange } from '../../../server/src/compare/types';
import { parseResolution } from '../../../server/src/parser/parse';
import { assertGolden, readSeed, SEEDS } from '../../helpers';

const seed = (prefix: string) => readSeed(SEEDS.find((s) => s.file.startsWith(prefix))!.file);
const TITLES = { old: 'A/RES/73/266', new: 'A/C.1/74/L.49/Rev.1' };

const unit = (label: string, text: string, kind: ComparedUnit['kind'] = label.startsWith('PP') ? 'preambular' : 'operative'): ComparedUnit => ({ kind, label, text, start: 0, end: text.length });

function comparisonOf(changes: ParagraphChange[]): Comparison {
  const summary = { unchanged: 0, changed: 0, added: 0, deleted: 0, moved: 0, split: 0, merged: 0 };
  for (const change of changes) summary[change.kind]++;
  return { changes, summary };
}

describe('compare: rendering', () => {
  const comparison = compareDocuments(parseResolution(seed('004')), parseResolution(seed('000')));

  it('004 -> 000 as text matches its golden file', () => {
    assertGolden('compare.004-000.txt', renderComparison(comparison, 'text', TITLES));
  });

  it('004 -> 000 as Markdown matches its golden file', () => {
    assertGolden('compare.004-000.md', renderComparison(comparison, 'markdown', TITLES));
  });

  it('004 -> 000 as HTML matches its golden file', () => {
    assertGolden('compare.004-000.html', renderComparison(comparison, 'html', TITLES));
  });

  it('starts with the summary line and heads each change with its labels', () => {
    const text = renderComparison(comparison, 'text', TITLES);
    const lines = text.split('\n');
    assert.strictEqual(lines[2], '2 paragraphs changed, 2 added, 3 deleted (23 unchanged).');
    const headings = lines.filter((l) => /^(Old )?(PP|OP|footnote)\S*( \S+)*: /.test(l) && !l.includes('Recalling'));
    assert.deepStrictEqual(headings, ['PP1: changed', 'Old OP3: deleted', 'Old OP4: deleted', 'Old OP5: deleted', 'OP3: added', 'OP4: added', 'OP5 (was OP6): changed']);
    assert.match(text, /70\/237 of 23 December 2015 \[-and-\]\{\+,\+\} 71\/28 of 5 December 2016 \{\+and 73\/266 of 22 December 2018\+\}, as well as/);
    assert.match(text, /seventy-\[-fourth-\]\{\+fifth\+\} session/);
  });

  it('lists unchanged units only when asked', () => {
    const all = renderComparison(comparison, 'text', TITLES, { includeUnchanged: true });
    assert.match(all, /^PP2: unchanged$/m);
    assert.match(all, /^footnote 3: unchanged$/m);
    assert.doesNotMatch(renderComparison(comparison, 'text', TITLES), /unchanged$/m);
  });

  it('writes the Markdown diff as ~~deleted~~ **added**, escaped', () => {
    const markdown = renderComparison(comparison, 'markdown', TITLES);
    assert.match(markdown, /2015 ~~and~~\*\*,\*\* 71\/28 of 5 December 2016 \*\*and 73\/266 of 22 December 2018\*\*, as well/);
    assert.match(markdown, /seventy\\-~~fourth~~\*\*fifth\*\* session/);
    assert.match(markdown, /^## OP5 \\\(was OP6\\\)\\: changed$/m);
  });

  it('writes Markdown that renders as struck and bold text (markdown-it)', () => {
    // markdown-it ships no type declarations: required with the one method used.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as new () => { render(text: string): string };
    const html = new MarkdownIt().render(renderComparison(comparison, 'markdown', TITLES));
    assert.match(html, /<h2>OP5 \(was OP6\): changed<\/h2>/);
    assert.match(html, /2015 <s>and<\/s><strong>,<\/strong> 71\/28 of 5 December 2016 <strong>and 73\/266 of 22 December 2018<\/strong>, as well/);
    assert.match(html, /seventy-<s>fourth<\/s><strong>fifth<\/strong> session/);
    assert.match(html, /<p><s>Requests the Chair of the group .* for consideration;<\/s><\/p>/);
  });

  it('builds an HTML page with <del>/<ins>, serif text, and an anchor per change', () => {
    const html = renderComparison(comparison, 'html', TITLES);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes(COMPARISON_CSS));
    assert.match(COMPARISON_CSS, /serif/);
    assert.match(COMPARISON_CSS, /ins \{[^}]*font-weight: bold;[^}]*text-decoration: underline/);
    assert.match(COMPARISON_CSS, /del \{[^}]*line-through/);
    for (const id of ['PP1', 'old-OP3', 'old-OP4', 'old-OP5', 'OP3', 'OP4', 'OP5']) assert.match(html, new RegExp(`<section [^>]*id="${id}"`));
    assert.match(html, /<a href="#OP5">OP5 \(was OP6\): changed<\/a>/);
    assert.match(html, /seventy-<del>fourth<\/del><ins>fifth<\/ins> session/);
    assert.doesNotMatch(html, /<script/i);
    const body = renderComparisonHtmlBody(comparison, TITLES);
    assert.ok(html.includes(body));
    assert.doesNotMatch(body, /<style|<html|<head>/);
  });

  it('escapes every text: a <script> in a paragraph stays text in HTML and Markdown', () => {
    const evil = comparisonOf([
      { kind: 'changed', old: [unit('PP1', 'Noting the report,')], new: [unit('PP1', 'Noting <script>alert("x")</script> & the report,')], similarity: 0.6, words: [{ value: 'Noting ' }, { value: '<script>alert("x")</script> & ', added: true }, { value: 'the report,' }] },
      { kind: 'added', old: [], new: [unit('OP1', '<img src=x onerror=alert(1)>')], similarity: 0 },
    ]);
    const titles = { old: '<b>old</b>', new: 'new & "quoted"' };
    const html = renderComparison(evil, 'html', titles);
    assert.doesNotMatch(html, /<script|<img|<b>/i);
    assert.match(html, /<ins>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp;<\/ins>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /new &amp; &quot;quoted&quot;/);
    const markdown = renderComparison(evil, 'markdown', titles);
    assert.match(markdown, /\*\*\\<script\\>alert\\\(\\"x\\"\\\)\\<\/script\\> \\&\*\*/);
    assert.doesNotMatch(markdown, /(^|[^\\])<(script|img)/);
    // Through the parser as well: markup a drafter typed is not markup in the report.
    const parsed = compareDocuments(parseResolution('The General Assembly,\n\n1. Decides to remain seized of the matter.\n'), parseResolution('The General Assembly,\n\n1. Decides to remain seized of the matter &lt;script&gt; a < b.\n'));
    assert.doesNotMatch(renderComparison(parsed, 'html', titles), /<script|< b/);
  });

  it('shows a paragraph-level change when the word diff gave up', () => {
    const gaveUp = comparisonOf([{ kind: 'changed', old: [unit('OP1', 'Decides one thing;')], new: [unit('OP1', 'Decides another;')], similarity: 0.5, gaveUp: true }]);
    const text = renderComparison(gaveUp, 'text', TITLES);
    assert.match(text, /^OP1: changed\n\(The texts differ too much to show word by word\.\)\nOld OP1: Decides one thing;\nNew OP1: Decides another;$/m);
    assert.match(renderComparison(gaveUp, 'html', TITLES), /<p class="unit"><span class="side">Old OP1:<\/span> <del>Decides one thing;<\/del><\/p>/);
    assert.match(renderComparison(gaveUp, 'markdown', TITLES), /Old OP1: ~~Decides one thing;~~/);
  });

  it('names moves, splits and merges in their headings', () => {
    const moved: ParagraphChange = { kind: 'moved', old: [unit('PP7', 'x')], new: [unit('PP3', 'x')], similarity: 1, textChanged: false };
    const movedChanged: ParagraphChange = { ...moved, textChanged: true, similarity: 0.9 };
    const split: ParagraphChange = { kind: 'split', old: [unit('OP3', 'a; b')], new: [unit('OP3', 'a;'), unit('OP4', 'b')], similarity: 1 };
    const merged: ParagraphChange = { kind: 'merged', old: [unit('OP3', 'a;'), unit('OP4', 'b'), unit('OP5', 'c')], new: [unit('OP3', 'a; b c')], similarity: 1 };
    const renamed: ParagraphChange = { kind: 'unchanged', old: [unit('OP1 (a)', 'x', 'subparagraph')], new: [unit('OP2 (i)', 'x', 'subparagraph')], similarity: 1 };
    assert.strictEqual(changeHeading(moved), 'PP3: moved from PP7');
    assert.strictEqual(changeHeading(movedChanged), 'PP3: moved from PP7 and changed');
    assert.strictEqual(changeHeading(split), 'OP3 and OP4 (was OP3): split');
    assert.strictEqual(changeHeading(merged), 'OP3 (was OP3, OP4 and OP5): merged');
    assert.strictEqual(changeHeading(renamed), 'OP2 (i) (was OP1 (a)): unchanged');
    assert.strictEqual(changeAnchor(renamed), 'OP2-i');
    assert.strictEqual(changeAnchor({ kind: 'deleted', old: [unit('OP1 1.3', 'x', 'subparagraph')], new: [], similarity: 0 }), 'old-OP1-1.3');
    assert.strictEqual(changeAnchor({ kind: 'added', old: [], new: [unit('footnote 2', 'x', 'footnote')], similarity: 0 }), 'footnote-2');
  });

  it('sets the parts of a split paragraph as paragraphs of their own', () => {
    const s000 = seed('000');
    const joined = s000.replace('paragraph 3 of that resolution;\n\n4. *Also welcomes*', 'paragraph 3 of that resolution; also welcomes').replace('5. *Decides*', '4. *Decides*');
    const split = compareDocuments(parseResolution(joined), parseResolution(s000));
    const text = renderComparison(split, 'text', { old: 'joined', new: '000' });
    assert.match(text, /^OP3 and OP4 \(was OP3\): split\nWelcomes the commencement .* of that resolution;\n\[-also-\]\{\+Also\+\} welcomes the commencement/m);
    const html = renderComparison(split, 'html', { old: 'joined', new: '000' });
    assert.match(html, /of that resolution;<\/p>\n<p class="unit"><del>also<\/del><ins>Also<\/ins> welcomes/);
    assert.match(html, /<section class="change split" id="OP3"[^>]*>\n<h2>OP3 and OP4 \(was OP3\): split<\/h2>\n<span class="anchor" id="OP4"><\/span>/);
  });

  it('summarises as a reader says it', () => {
    const summary = { unchanged: 25, changed: 3, added: 1, deleted: 0, moved: 1, split: 0, merged: 0 };
    assert.strictEqual(formatSummary(summary), '3 paragraphs changed, 1 added, 1 moved');
    assert.strictEqual(summaryLine(summary), '3 paragraphs changed, 1 added, 1 moved (25 unchanged).');
    assert.strictEqual(formatSummary({ ...summary, changed: 0, added: 1, moved: 0 }), '1 paragraph added');
    assert.strictEqual(formatSummary({ ...summary, changed: 0, added: 0, moved: 0 }), 'No textual change');
    assert.strictEqual(summaryLine({ ...summary, changed: 0, added: 0, moved: 0 }), 'No textual change (25 paragraphs unchanged).');
  });
});
