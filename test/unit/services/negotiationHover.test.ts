import * as assert from 'assert';
import type { MarkupContent } from 'vscode-languageserver-types';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { getHover } from '../../../server/src/services/hover';
import { getNegotiationHover } from '../../../server/src/services/negotiationHover';
import { negotiationFixture } from '../../helpers';

function hoverAt(text: string, needle: string, shift = 1) {
  const document = ParsedDocument.parse({ uri: 'file:///draft.unres', version: 1, getText: () => text });
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const hover = getNegotiationHover(document, document.lines.positionAt(offset + shift));
  return { hover, value: hover ? (hover.contents as MarkupContent).value : '', document };
}

describe('hover on a bracket', () => {
  it('lists the bracketed text and its alternatives, with who proposed what', () => {
    const { value, hover, document } = hoverAt(negotiationFixture('compilation.unres'), '[strengthen]');
    assert.strictEqual(value, ['**Bracketed text: 2 options**', '', '1. Text (here): strengthen', '2. Alt — proposed by EU: enhance \\(EU\\)', '', 'Status: Pending'].join('\n'));
    const text = document.model.text;
    const range = { start: document.lines.offsetAt(hover!.range!.start), end: document.lines.offsetAt(hover!.range!.end) };
    assert.strictEqual(text.slice(range.start, range.end), '[strengthen] [Alt: enhance (EU)]');
  });

  it('names the proposers of a paragraph and its rival proposals', () => {
    const { value } = hoverAt(negotiationFixture('brackets.unres'), '[G77 and China: retain]');
    assert.match(value, /^\*\*Bracketed text: 3 options\*\*/);
    assert.match(value, /\n1\. Text: Requests the Secretary\\-General to submit a report on the implementation of the present resolution;\n/);
    assert.match(value, /\n2\. Option 2 — proposed by G77 and China \(here\): retain\n3\. Option 3 — proposed by EU: delete$/);
  });

  it('reads the notes on the lines under a bracketed paragraph: who proposed it, a rival proposal, the status', () => {
    const compilation = negotiationFixture('status-lines.unres');
    const { value } = hoverAt(compilation, '[PP3 bis');
    assert.match(value, /^\*\*Bracketed text: 2 options\*\*\n\n1\. Text — proposed by G77 and China \(here\): PP3 bis Recognizing the role of local and regional governments/);
    assert.match(value, /\n2\. Option 2 — proposed by US: delete$/);
    assert.match(hoverAt(compilation, '[OP2 bis').value, /^\*\*Bracketed text\*\*\n\n1\. Text — Facilitator\\'s proposal \(here\): OP2 bis Requests/);
    assert.match(hoverAt(compilation, '[strengthen]').value, /\n\nStatus: Pending$/);
    const proposed = hoverAt(negotiationFixture('proposed-paragraphs.unres'), '[2 bis.').value;
    assert.match(proposed, /^\*\*Bracketed text\*\*\n\n1\. Text — proposed by G77 and China \(here\): 2 bis\\\. Also requests/);
  });

  it('inside nested brackets, lists the inner options and says how deep', () => {
    const { value } = hoverAt(negotiationFixture('brackets.unres'), '[growing]');
    assert.match(value, /1\. Text \(here\): growing\n2\. Option 2: persistent\n\nNested 2 brackets deep\.$/);
  });

  it('escapes the draft\'s text and says nothing outside brackets', () => {
    const { value } = hoverAt('The General Assembly,\n\n1. Decides [to *act* <b>now</b>];\n', '[to');
    assert.match(value, /to \\\*act\\\* \\<b\\>now\\<\/b\\>/);
    assert.strictEqual(hoverAt('The General Assembly,\n\n1. Decides [to act];\n', 'Decides').hover, null);
  });

  it('a reference to "paragraph 2 bis" shows the inserted paragraph under its own name', () => {
    const text = negotiationFixture('bis.unres');
    const document = ParsedDocument.parse({ uri: 'file:///draft.unres', version: 1, getText: () => text });
    const offset = text.indexOf('paragraph 2 bis above') + 'paragraph '.length;
    const hover = getHover(document, document.lines.positionAt(offset), KnowledgeBase.empty());
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /^\*\*Paragraph 2 bis above\*\* · in this text\n\n> \*\*2 bis\\\.\*\* \*Also requests\* the Secretary\\-General to report/);
  });
});
