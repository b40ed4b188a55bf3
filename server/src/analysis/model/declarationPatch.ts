// After an edit of declarations outside function bodies that leaves what the model knows of them as it
// was (spacing or a comment in a type, var or const declaration), the model's entries for those
// declarations are moved to their new nodes in place, as modelDiff would move them, without building the
// whole package model again and comparing it (most of such an edit's analysis in a big package).
import type { SourceFile, SyntaxNode } from '../syntax';
import { globalsIn, namedSets, structIn, typesIn, type PackageModel } from './packageModel';
import { moveStruct, moveVar, structFacts, varFacts } from './modelDiff';
import { sameSet } from '../sameness';

/** A top-level declaration an edit reached: the node before it (the same object when renewed) and now. */
export interface EditedDeclaration {
  file: SourceFile;
  before: SyntaxNode;
  now: SyntaxNode;
}

/** What the declarations patched were, for the caches that read them besides the model. */
export interface DeclarationPatch {
  /** A type declaration: the index of type specs by name (mapValueType) is made again. */
  types: boolean;
  /** A declaration that says which names are sync.Maps (variables, types): SyncMaps is made again. */
  syncMapNames: boolean;
}

/** The top-level declaration a node is under, or was under when an edit replaced it (its parents stay). */
function topLevel(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && n.parent.parent) n = n.parent;
  return n;
}

/**
 * Moves `model`'s entries declared by `edited` to their new nodes when every fact the model holds of them
 * is unchanged (the same names, map types, false constants, and variable and struct facts); undefined,
 * with `model` untouched, when something changed or cannot be told apart (another build declares the
 * same struct, say): then the model is built again and compared (modelDiff).
 */
export function patchDeclarations(model: PackageModel, files: readonly SourceFile[], edited: readonly EditedDeclaration[]): DeclarationPatch | undefined {
  const moves: (() => void)[] = [];
  const patch: DeclarationPatch = { types: false, syncMapNames: false };
  let consts = false;
  for (const { file, before, now } of edited) {
    if (now.type === 'const_declaration') consts = true;
    else if (now.type === 'var_declaration') {
      patch.syncMapNames = true;
      const declared = [...model.globals.values()].filter((g) => topLevel(g.node) === before);
      const globals = globalsIn(model, file, now);
      if (globals.size !== declared.length) return undefined;
      for (const [name, v] of globals) {
        const kept = model.globals.get(name);
        if (!kept || topLevel(kept.node) !== before || varFacts(kept) !== varFacts(v)) return undefined;
        moves.push(() => moveVar(kept, v));
      }
    } else if (now.type === 'type_declaration') {
      patch.types = patch.syncMapNames = true;
      const declared = [...model.structs.values()].filter((s) => topLevel(s.node) === before || s.variants.some((v) => topLevel(v.node) === before));
      const { structs } = typesIn(file, now);
      if (structs.length !== declared.length) return undefined;
      for (const { name, spec } of structs) {
        const kept = model.structs.get(name);
        if (!kept || kept.variants.length || topLevel(kept.node) !== before) return undefined;
        const moved = structIn(model, name, spec, file);
        if (structFacts(kept) !== structFacts(moved)) return undefined;
        moves.push(() => moveStruct(kept, moved));
      }
    } else return undefined;
  }
  if (consts || patch.types) {
    // Names only: which declaration holds them does not matter, and the sets are small.
    const sets = namedSets(files);
    if (!sameSet(sets.mapTypes, model.mapTypes) || !sameSet(sets.falseConsts, model.falseConsts)) return undefined;
  }
  for (const move of moves) move();
  return patch;
}
