import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applySeverities } from '../../../server/src/services/severity';

const diagnostic = (code: string, severity: 1 | 2 | 3 | 4): Diagnostic =>
  ({ code, severity, message: code, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });

describe('severity settings', () => {
  it('changes the severity of a code, turns a code off, and leaves the others', () => {
    const result = applySeverities(
      [diagnostic('unres.citationDate', 1), diagnostic('unres.repeatedVerb', 3), diagnostic('unres.citationOrder', 2)],
      { 'unres.citationDate': 'warning', 'unres.repeatedVerb': 'off', 'unres.unknown': 'error' },
    );
    assert.deepStrictEqual(result.map((d) => [d.code, d.severity]), [['unres.citationDate', 2], ['unres.citationOrder', 2]]);
  });
  it('ignores settings that are not a map of known levels', () => {
    const input = [diagnostic('unres.citationDate', 1)];
    assert.deepStrictEqual(applySeverities(input, null), input);
    assert.deepStrictEqual(applySeverities(input, { 'unres.citationDate': 'loud' }), input);
    assert.deepStrictEqual(applySeverities(input, 'error'), input);
  });
});
