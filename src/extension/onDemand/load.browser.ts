/** The web worker host's bundle holds ./index.ts itself (one file: nothing to load later). */
import * as OnDemand from './index';

export type OnDemandModule = typeof OnDemand;

export function onDemand(): OnDemandModule {
  return OnDemand;
}
