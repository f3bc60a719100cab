// Every service that walks sub-paragraphs, on a paragraph nested 20,000 levels deep: the walk's
// depth must not be the call stack's. (The parser nests only decimal labels without bound; the
// model here is built by hand so that the depth costs no quadratic text.)
import * as assert from 'assert';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { buildAgreedIndex } from '../../../server/src/agreed/index';
import type { CorpusDocument } from '../../../server/src/corpus/types';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { typingContext } from '../../../server/src/services/agreedCompletion';
import { getAgreedDiagnostics } from '../../../server/src/services/agreedDeviation';
import { getCitationDiagnostics } from '../../../server/src/services/citationDiagnostics';
import { getFoldingRanges } from '../../../server/src/services/folding';
import { resolveReference } from '../../../server/src/services/lookup';
import { getDocumentSymbols } from '../../../server/src/services/outline';
import { getSemanticTokens } from '../../../server/src/services/semanticTokens';
import { getNumberingCodeActions, getNumberingDiagnostics, getNumberingFixAll } from '../../../server/src/services/structure/numbering';
import { getStyleDiagnostics, openingVocabulary } from '../../../server/src/services/structure/style';
import { deeplyNestedModel } from '../deepModel';
import { knowledgeBaseOf } from './lookupFixtures';

const DEPTH = 20_000;

/** The deepest level names "subparagraph (b) above", a label no level has: a search for it goes to the bottom. */
function deepDocument(uri = 'file:///drafts/deep.unres'): ParsedDocument {
  return new ParsedDocument(uri, 1, deeplyNestedModel(DEPTH, { reference: true }));
}

describe(`services on a paragraph nested ${DEPTH.toLocaleString('en')} levels deep`, function () {
  // Twenty thousand levels: the bench times such inputs, a timeout here would measure the machine.
  this.timeout(60_000);
  const document = deepDocument();

  it('outline: a symbol per level, each inside the one before', () => {
    let level: DocumentSymbol | undefined = getDocumentSymbols(document).find((s) => s.name === 'Operative part')!.children![0];
    let depth = 0;
    while (level?.children?.length) {
      level = level.children[0];
      depth++;
    }
    assert.strictEqual(depth, DEPTH);
    assert.ok(level!.name.startsWith(`(a) Level ${DEPTH}, as in`), level!.name);
  });

  it('folding: a range per level that spans lines', () => {
    // Each level runs from its own line to the last: all but the deepest span two lines or more.
    assert.strictEqual(getFoldingRanges(document).filter((r) => r.kind === undefined).length, 1 + DEPTH - 1);
  });

  it('semantic tokens: a label token per level', () => {
    // Five numbers per token; the paragraph number, its opening phrase and a label per level.
    assert.strictEqual(getSemanticTokens(document).data.length / 5, 2 + DEPTH);
  });

  it('style: every level ends with its colon and the last with a full stop, so no finding', () => {
    assert.deepStrictEqual(getStyleDiagnostics(document, openingVocabulary()), []);
  });

  it('numbering: the reference to a (b) no level has is the one finding; the fixes are computed', () => {
    const diagnostics = getNumberingDiagnostics(document);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['unres.referenceSubMissing']);
    assert.deepStrictEqual(getNumberingFixAll(document), []);
    assert.deepStrictEqual(getNumberingCodeActions(document, diagnostics[0].range, diagnostics), []);
  });

  it('lookup: a reference to a sub-paragraph searches every level', () => {
    const resolved = resolveReference(document, document.model.references[0], knowledgeBaseOf([]));
    assert.strictEqual(resolved.targets.length, 1);
    assert.strictEqual(resolved.targets[0].block, undefined);
  });

  it('agreed completion: typing at the deepest level finds the level', () => {
    const context = typingContext(document, document.model.text.length - 2);
    assert.strictEqual(context?.kind, 'subparagraph');
  });

  it('agreed language: every level is looked up, none differs from a corpus of itself', () => {
    // Decimal labels: the index names each level by its own label, which stays short.
    const decimal = new ParsedDocument('file:///drafts/decimal.unres', 1, deeplyNestedModel(DEPTH, { label: '1.1' }));
    const index = buildAgreedIndex([{ uri: 'file:///corpus/decimal.txt', parsed: decimal }]);
    assert.deepStrictEqual(getAgreedDiagnostics(decimal, index, () => undefined), []);
  });

  it('citation checks: a paragraph reference into a deep corpus text searches every level', () => {
    const corpusText: CorpusDocument = { uri: 'file:///corpus/80-1.txt', parsed: deepDocument('file:///corpus/80-1.txt'), symbol: '80/1', shipped: false };
    const kb = knowledgeBaseOf([{ uri: 'file:///c.csv', row: { symbol: '80/1', kind: 'resolution', title: 'A title', line: 2 } }], [corpusText]);
    const draft = ParsedDocument.parse({ uri: 'file:///drafts/draft.unres', version: 1, getText: () => 'The General Assembly,\n\n1. Recalls paragraph 1 (b) of resolution 80/1;\n' });
    assert.strictEqual(draft.model.references.length, 1);
    const found = getCitationDiagnostics(draft, kb).filter((d) => d.code === 'unres.missingParagraph');
    assert.strictEqual(found.length, 1);
    assert.match(String(found[0].message), /has no paragraph 1 \(b\)/);
  });
});
