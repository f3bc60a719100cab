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
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching client/ and server/');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
