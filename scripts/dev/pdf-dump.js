// Prints what the PDF reader makes of a file: node scripts/dev/pdf-dump.js FILE.pdf [--map] [--parse]
// (after `tsc -b`). --map shows where each paragraph's first character was printed; --parse
// runs the parser on the text, as scripts/dev/dump.js does on a text file.
const { readFileSync } = require('fs');
const path = require('path');
const { readPdf } = require('../../out/server/src/formats/pdf');

(async () => {
  const file = process.argv[2];
  const started = performance.now();
  const result = await readPdf(new Uint8Array(readFileSync(file)));
  const ms = performance.now() - started;
  if (!result.ok) {
    console.log(`${result.kind}: ${result.problem}`);
    process.exitCode = 1;
    return;
  }
  console.error(`${result.pages} pages in ${ms.toFixed(0)} ms`);
  if (process.argv.includes('--parse')) {
    const { parseResolution } = require('../../out/server/src/parser/parse');
    const doc = parseResolution(result.text);
    for (const p of [...doc.preambular, ...doc.operative]) {
      const at = result.map.locate(p.start);
      console.log(`${p.kind === 'preambular' ? 'PP' : 'OP'}${p.index} p${at?.page} [${p.opening?.text}] ${p.content.text.slice(0, 70)}`);
    }
    console.log(`pp ${doc.preambular.length} op ${doc.operative.length} footnotes ${doc.footnotes.length} markers ${doc.markers.length} citations ${doc.citations.length}`);
    return;
  }
  if (process.argv.includes('--map')) {
    let offset = 0;
    for (const line of result.text.split('\n')) {
      const at = result.map.locate(offset);
      if (line) console.log(`p${at?.page} y${at?.y.toFixed(0)} | ${line.slice(0, 100)}`);
      offset += line.length + 1;
    }
    return;
  }
  process.stdout.write(result.text);
})();
