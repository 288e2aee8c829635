#!/usr/bin/env node
// `npm run bench -- [ledger|http] [part ...]`: runs the benchmarks in bench/ (TypeScript, through
// tsx). The process exits when the run is over, whatever handles are still open.
const { register } = await import('tsx/esm/api');
register();
const { main } = await import(new URL('../bench/run.ts', import.meta.url).href);
process.exit(await main(process.argv.slice(2)));
