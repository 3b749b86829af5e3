// Regenerates examples/*.json by collecting the emulator's scenario accounts through the real SDK clients,
// so the example is exactly what `rampart snapshot` would save for that account.
// Run: npx tsx scripts/make-examples.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectExample, EXAMPLES } from '../test/examples.js';

for (const example of EXAMPLES) {
  const snapshot = await collectExample(example);
  writeFileSync(join(import.meta.dirname, '..', 'examples', `${example}.json`), `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`examples/${example}.json: account ${snapshot.account.id}, ${snapshot.errors.length} errors`);
}
