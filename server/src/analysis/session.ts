// One package analysed again and again as its files are edited, with exactly analyzePackage's findings.
// An edit inside function bodies (or comments) keeps the package model: its FuncInfo objects take the
// edited declarations (and so do the entries of other declarations whose facts stay the same, see
// declarationPatch.ts), and the Summarizer reuses every summary that a fresh run would make the same
// (see summaryRecords.ts), as findRaces reuses the checks of unchanged timelines. Files must be the
// same SourceFile objects from one analysis to the next, updated in place when edited, with the
// top-level nodes an edit did not reach kept (toSyntax with PreviousSyntax does both).
import { changedSince, syntaxGeneration, type SourceFile, type SyntaxNode } from './syntax';
import type { Finding } from './types';
import { analyzePackage, finalize, runRules, type AnalysisOptions } from './index';
import { ALL_PARTS, buildPackageModel, funcInfoOf, partOf, type FuncInfo, type ModelPart, type PackageModel } from './model/packageModel';
import { findRaces, RaceCache } from './model/races';
import { Summarizer } from './model/summarize';
import { SyncMapCallCache, SyncMaps } from './model/syncMaps';
import { diffModel } from './model/modelDiff';
import { patchDeclarations, type DeclarationPatch, type EditedDeclaration } from './model/declarationPatch';
import { shareTypeSpecs } from './model/mapValueType';
import { applySuppressions } from './suppression';
import { sameList, sameSet } from './sameness';
import { packageName, splitByPackageClause } from './packageClause';

/** Top-level nodes whose edits change nothing the model holds: function bodies keep their FuncInfo. */
const BODY_ONLY = new Set(['function_declaration', 'method_declaration']);

interface GroupState {
  files: readonly SourceFile[];
  /** Each file's text when last analysed: findings name lines and offsets, which any edit may move. */
  texts: string[];
  /** Each file's top-level nodes when last analysed. */
  decls: SyntaxNode[][];
  /** The syntax generation then: a node renewed since (changedSince) was edited. */
  generation: number;
  model: PackageModel;
  races: RaceCache;
  syncMaps: SyncMapCallCache;
  /** SyncMaps.signature() of the model the cached calls were found with. */
  syncMapSignature?: string;
  /** Which names are sync.Maps, while no declaration outside function bodies changes. */
  syncMapNames?: SyncMaps;
  /** The model's functions and methods by declaration (see bodyUpdates), kept while the model is patched. */
  funcsByNode?: Map<SyntaxNode, FuncInfo>;
  optionsKey: string;
  findings: Finding[];
}

/** How the last analysis went, for tests and logs. */
export interface SessionStats {
  /** Package clauses analysed afresh, reusing only parsed files. */
  fresh: number;
  /** Package clauses analysed again from kept summaries. */
  incremental: number;
  /** Package clauses nothing changed in. */
  unchanged: number;
  /** Of the incremental ones, those whose declarations outside function bodies were patched in place (declarationPatch.ts). */
  patched: number;
  /** Of the incremental ones, those that built parts of the package model again (modelDiff). */
  rebuilt: number;
  /** Function summaries made (the others were kept from the previous analysis). */
  summaries: number;
}

export class PackageSession {
  private groups = new Map<string, GroupState>();
  stats: SessionStats = { fresh: 0, incremental: 0, unchanged: 0, patched: 0, rebuilt: 0, summaries: 0 };

  /** analyzePackage(files, options), reusing what the last call found for the parts no edit reached. */
  analyze(files: readonly SourceFile[], options: AnalysisOptions = {}): Finding[] {
    this.stats = { fresh: 0, incremental: 0, unchanged: 0, patched: 0, rebuilt: 0, summaries: 0 };
    const optionsKey = JSON.stringify([options.goVersion ?? null]);
    const findings: Finding[] = [];
    const groups = new Map<string, GroupState>();
    for (const group of splitByPackageClause(files)) {
      const name = packageName(group[0]);
      const state = this.analyzeGroup(this.groups.get(name), group, options, optionsKey);
      groups.set(name, state);
      findings.push(...state.findings);
    }
    this.groups = groups;
    return finalize(applySuppressions(findings, files), options);
  }

  private analyzeGroup(previous: GroupState | undefined, files: SourceFile[], options: AnalysisOptions, optionsKey: string): GroupState {
    // A copy's lists of children are new, never changed in place (toSyntax): no need to copy them.
    const decls = files.map((f) => f.root.children);
    const texts = files.map((f) => f.text);
    const generation = syntaxGeneration();
    // The same text can come with another tree: tree-sitter may recover from the same syntax errors
    // otherwise after an edit that changed nothing (an empty one, or one undone in the same change).
    if (previous && previous.optionsKey === optionsKey && sameFiles(previous, files) && sameList(previous.texts, texts) && sameList(previous.decls, decls)) {
      this.stats.unchanged++;
      return previous;
    }
    const kept = previous && previous.optionsKey === optionsKey && sameFiles(previous, files) ? previous : undefined;
    const patch = kept && patchModel(kept, files, decls);
    if (kept && patch && kept.races.summarizer.nextRun(patch.model, patch.changed)) {
      const model = patch.model;
      const facts = findRaces(model, kept.races);
      this.stats.summaries += kept.races.summarizer.made;
      if (!kept.races.summarizer.orderDependent) {
        this.stats.incremental++;
        if (patch.patched) this.stats.patched++;
        if (patch.parts.size) this.stats.rebuilt++;
        let { syncMaps, syncMapSignature, syncMapNames } = kept;
        if (patch.syncMapNames) {
          // Which names are sync.Maps may have changed with the declarations.
          syncMapNames = new SyncMaps(model, patch.types || patch.imports || !syncMapNames ? undefined : syncMapNames);
          const signature = syncMapNames.signature();
          if (signature !== syncMapSignature) [syncMaps, syncMapSignature] = [new SyncMapCallCache(), signature];
        }
        if (!patch.types) shareTypeSpecs(kept.model, model);
        const names = syncMapNames ?? new SyncMaps(model);
        const findings = runRules(model, facts, () => names.calls(syncMaps), options);
        const funcsByNode = patch.parts.has('funcs') ? undefined : kept.funcsByNode;
        return { files, texts, decls, generation, model, races: kept.races, syncMaps, syncMapSignature, syncMapNames: names, funcsByNode, optionsKey, findings };
      }
    }
    this.stats.fresh++;
    const model = buildPackageModel(files);
    const races = new RaceCache(new Summarizer(model, { session: true }));
    const syncMaps = new SyncMapCallCache();
    const facts = findRaces(model, races);
    this.stats.summaries += races.summarizer.made;
    const names = new SyncMaps(model);
    const findings = runRules(model, facts, () => names.calls(syncMaps), options);
    return { files, texts, decls, generation, model, races, syncMaps, syncMapSignature: names.signature(), syncMapNames: names, optionsKey, findings };
  }
}

function sameFiles(state: GroupState, files: readonly SourceFile[]): boolean {
  return sameList(state.files, files);
}

/** What patchModel made of an edit's declarations. */
interface ModelPatch {
  model: PackageModel;
  /** The parts of the model made again and compared (modelDiff); empty when none was. */
  parts: ReadonlySet<ModelPart>;
  /** Declarations whose entries were moved in place (declarationPatch.ts). */
  patched?: DeclarationPatch;
  /** Model entries whose facts changed (modelDiff KEY). */
  changed: ReadonlySet<string>;
  /** A declaration of types changed: the index of type specs by name is made again. */
  types: boolean;
  /** A declaration that says which names are sync.Maps changed (imports, variables, types). */
  syncMapNames: boolean;
  /** An import declaration was edited, added or removed. */
  imports: boolean;
}

const NO_PARTS: ReadonlySet<ModelPart> = new Set();

/**
 * The previous model, with its objects taking the edited declarations, as a new model object (caches
 * keyed by the model start over). Function bodies keep their FuncInfo objects; declarations whose facts
 * stay the same have their entries moved in place (declarationPatch.ts); only the parts of the model
 * made from the other declarations edited, added or removed are built again and made of the previous
 * objects wherever their facts are unchanged, with `changed` naming the entries that are not (modelDiff).
 * New map types change what the other parts make of variables and fields: then all is built again.
 */
function patchModel(previous: GroupState, files: readonly SourceFile[], decls: SyntaxNode[][]): ModelPatch {
  const edit = editedDeclarations(previous, files, decls);
  const patched = edit.others.length ? patchDeclarations(previous.model, files, edit.others) : undefined;
  let parts = new Set(edit.parts);
  if (edit.others.length && !patched) for (const o of edit.others) parts.add(partOf(o.now.type)!);
  let built: PackageModel | undefined;
  if (parts.size) {
    built = buildPackageModel(files, parts, previous.model);
    if (parts.has('types') && !sameSet(built.mapTypes, previous.model.mapTypes)) {
      parts = new Set(ALL_PARTS);
      built = buildPackageModel(files);
    }
  }
  if (!parts.has('funcs')) {
    for (const [info, node] of edit.bodies) {
      previous.funcsByNode?.delete(info.node);
      previous.funcsByNode?.set(node, info);
      info.node = node;
    }
  }
  const types = !!patched?.types || parts.has('types');
  const imports = edit.imports;
  const syncMapNames = imports || !!patched?.syncMapNames || parts.has('types') || parts.has('globals');
  if (!built) return { model: { ...previous.model, files }, parts: NO_PARTS, patched, changed: new Set(), types, syncMapNames, imports };
  const { model, changed } = diffModel(previous.model, built, previous.generation, parts);
  return { model, parts, patched, changed, types, syncMapNames, imports };
}

/** What an edit did to the top-level declarations of a package (see patchModel). */
interface EditedDeclarations {
  /** Functions and methods edited that keep their names, receivers and result types: their FuncInfo objects, with the new declarations. */
  bodies: [FuncInfo, SyntaxNode][];
  /** Other declarations of the model edited in place (renewed, or replaced by one of the same type), for patchDeclarations. */
  others: EditedDeclaration[];
  /** Parts of the model whose declarations came, went or changed what they declare. */
  parts: Set<ModelPart>;
  /** An import declaration was edited, added or removed. */
  imports: boolean;
}

/**
 * Each file's top-level nodes against the previous ones: a file whose list is the same object was not
 * copied again. Lists of the same length are compared place by place (an edit renews nodes in place);
 * else the nodes between the common beginning and end came and went. Nodes the model makes nothing of
 * (comments, line ends, the ERROR nodes of a declaration being typed) hold nothing whatever they become.
 */
function editedDeclarations(previous: GroupState, files: readonly SourceFile[], decls: SyntaxNode[][]): EditedDeclarations {
  let byNode = previous.funcsByNode;
  if (!byNode) {
    byNode = previous.funcsByNode = new Map();
    for (const f of previous.model.funcs.values()) for (const info of [f, ...(f.variants ?? [])]) byNode.set(info.node, info);
    for (const list of previous.model.methods.values()) for (const info of list) byNode.set(info.node, info);
  }
  const out: EditedDeclarations = { bodies: [], others: [], parts: new Set(), imports: false };
  const cameOrWent = (node: SyntaxNode) => {
    const part = partOf(node.type);
    if (part) out.parts.add(part);
    else if (node.type === 'import_declaration') out.imports = true;
  };
  const edited = (file: SourceFile, old: SyntaxNode, node: SyntaxNode) => {
    if (old === node && !changedSince(node, previous.generation)) return;
    if (old.type !== node.type) {
      cameOrWent(old);
      cameOrWent(node);
      return;
    }
    if (node.type === 'import_declaration') out.imports = true;
    if (!partOf(node.type)) return;
    if (!BODY_ONLY.has(node.type)) {
      out.others.push({ file, before: old, now: node });
      return;
    }
    const info = byNode!.get(old);
    const fresh = funcInfoOf(file, node);
    // A declaration without a name is in no model; one that gained or lost its name, or changed its
    // receiver or result type, changes it.
    if (!info && !fresh) return;
    if (!info || !fresh || info.name !== fresh.name || info.receiverType !== fresh.receiverType || info.resultType !== fresh.resultType) out.parts.add('funcs');
    else out.bodies.push([info, node]);
  };
  for (let i = 0; i < files.length; i++) {
    const before = previous.decls[i];
    const now = decls[i];
    if (before === now) continue;
    if (before.length === now.length) {
      for (let k = 0; k < now.length; k++) edited(files[i], before[k], now[k]);
      continue;
    }
    let head = 0;
    while (head < before.length && head < now.length && before[head] === now[head]) head++;
    let tailBefore = before.length;
    let tailNow = now.length;
    while (tailBefore > head && tailNow > head && before[tailBefore - 1] === now[tailNow - 1]) {
      tailBefore--;
      tailNow--;
    }
    for (let k = 0; k < head; k++) edited(files[i], now[k], now[k]);
    for (let k = tailNow; k < now.length; k++) edited(files[i], now[k], now[k]);
    for (let k = head; k < tailBefore; k++) cameOrWent(before[k]);
    for (let k = head; k < tailNow; k++) cameOrWent(now[k]);
  }
  return out;
}

export { analyzePackage };
