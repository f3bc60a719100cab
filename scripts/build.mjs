// Bundles the client and the server with esbuild. Type-checking is `tsc -b` (npm run typecheck).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // The packaged extension ships the bundles without their maps (.vscodeignore): the build
  // writes the maps beside them, for reading a user's stack trace, but names them only in
  // watch builds, so that no shipped bundle points at a file that is not there.
  sourcemap: watch ? 'linked' : 'external',
  logLevel: 'warning',
  minify: !watch,
  keepNames: true,
};
// PDF.js is most of the server's code (1.7 of 2.7 MB) and runs only when a PDF is read: it is a
// bundle of its own beside the server's (dist/pdf.js, dist/pdf.worker.js), required when first
// needed, so that a start does not compile it.
const PDFJS = { 'pdfjs-dist/legacy/build/pdf.mjs': './pdf.js', 'pdfjs-dist/legacy/build/pdf.worker.mjs': './pdf.worker.js' };
const pdfjsApart = {
  name: 'pdfjs-apart',
  setup(build) {
    build.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(?:\.worker)?\.mjs$/ }, (args) => ({ path: PDFJS[args.path], external: true }));
  },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [pdfjsApart] },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [pdfjsApart] },
  { ...common, entryPoints: { pdf: 'node_modules/pdfjs-dist/legacy/build/pdf.mjs', 'pdf.worker': 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs' }, outdir: 'dist' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching client/ and server/');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
