/** The new-plan templates in the web worker host's bundle (one file: nothing to load later). */
import * as Templates from '../../templates';

export type TemplatesModule = typeof Templates;

export function templates(): TemplatesModule {
  return Templates;
}
