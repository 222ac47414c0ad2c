/**
 * Editing plans (pure, like the rest of the core): the cursor's context and completion items,
 * hovers, symbols and references, renames, quick fixes and start-by lenses. The extension's
 * language features (src/extension/language) are thin adapters over these.
 */
export { cursorContext, type CursorContext } from './cursorContext';
export {
  completionsAt,
  type CompletionData,
  type CompletionEntry,
  type CompletionKind,
  type CompletionResult,
} from './completions';
export { cycleRisks, newTaskCycleRisks } from './dependents';
export { hoverAt, keyHover, type HoverData, type HoverInfo, type HoverPart } from './hover';
export { inertText, markdownEscape } from './inertText';
export { goalLensTitle, planLenses, reanchorLenses, type LensInfo } from './lenses';
export { dayRunRefactors, FIXABLE_CODES, quickFixes, type FixInput, type QuickFix } from './fixes';
export { prepareRename, renameEdits, type RenameTarget, type Refusal } from './rename';
export { schemaAt, valueKindAt, type PathSeg } from '../schemaView';
export {
  definitionOf,
  occurrenceAt,
  occurrences,
  outline,
  referencesOf,
  type Occurrence,
  type OutlineKind,
  type OutlineNode,
  type SymbolKind,
} from './symbols';
export { isValidId, yamlId, yamlScalar } from './yamlText';
