// Rebuilds src/secrets/prefilter-wasm.ts from src/secrets/prefilter.wat. Run: npm run build:prefilter
import { writeFileSync } from 'node:fs';
import { MODULE_PATH, prefilterModuleText } from './prefilter-wasm.js';

writeFileSync(MODULE_PATH, await prefilterModuleText());
console.log(`wrote ${MODULE_PATH}`);
