import { runCandidateCli } from './candidate-cli/run';

// `npm run platform:candidate -- <commande> [options]`: see ./candidate-cli/args.ts.
process.exitCode = await runCandidateCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
});
