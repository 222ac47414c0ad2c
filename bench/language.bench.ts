/** `npm run bench` runs bench/*.bench.ts: this one runs bench/language.bench.mjs (it drives a real VS Code). */
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['bench/language.bench.mjs'], { stdio: 'inherit' });
