#!/usr/bin/env node
// The SDK warns on Node 20 at import time; rampart supports Node 20, so say nothing unless asked.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  process.stderr.write('rampart: not built yet; run `npm run build` in the rampart folder\n');
  process.exit(3);
}
process.exitCode = await cli.main(process.argv);
