// Turns the plugin's JavaScript into a WebAssembly component for kefu
// (target/kefu/plugin.wasm), pre-initialised so every call starts from a snapshot.
// `kefu plugin build` runs it through `npm run build`.
import { componentize } from '@bytecodealliance/componentize-js';
import { mkdir, writeFile } from 'node:fs/promises';

const { component } = await componentize({
  sourcePath: process.argv[2],
  witPath: 'vendor/wit',
  worldName: 'plugin',
  // A kefu plugin reaches the outside only through kefu's own imports.
  disableFeatures: ['stdio', 'random', 'clocks', 'http', 'fetch-event'],
});
await mkdir('target/kefu', { recursive: true });
await writeFile('target/kefu/plugin.wasm', component);
console.log(`target/kefu/plugin.wasm: ${(component.length / 1048576).toFixed(1)} MiB`);
