/** dist/onDemand.js, loaded the first time a command needs it (see ./index.ts). */
import * as path from 'node:path';
import type * as OnDemand from './index';

export type OnDemandModule = typeof OnDemand;

let loaded: OnDemandModule | undefined;

export function onDemand(): OnDemandModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time, on purpose
  return (loaded ??= require(path.join(__dirname, 'onDemand.js')) as OnDemandModule);
}
