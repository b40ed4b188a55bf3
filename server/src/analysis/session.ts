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
import { buildPackageModel, funcInfoOf, type FuncInfo, type PackageModel } from './model/packageModel';
import { findRaces, RaceCache } from './model/races';
import { Summarizer } from './model/summarize';
import { SyncMapCallCache, SyncMaps } from './model/syncMaps';
import { diffModel } from './model/modelDiff';
import { patchDeclarations, type DeclarationPatch, type EditedDeclaration } from './model/declarationPatch';
import { shareTypeSpecs } from './model/mapValueType';
import { applySuppressions } from './suppression';
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
}

export class PackageSession {
  private groups = new Map<string, GroupState>();
  stats: SessionStats = { fresh: 0, incremental: 0, unchanged: 0, patched: 0 };

  /** analyzePackage(files, options), reusing what the last call found for the parts no edit reached. */
  analyze(files: readonly SourceFile[], options: AnalysisOptions = {}): Finding[] {
    this.stats = { fresh: 0, incremental: 0, unchanged: 0, patched: 0 };
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
    if (previous && previous.optionsKey === optionsKey && sameFiles(previous, files) && sameList(previous.texts, texts)) {
      this.stats.unchanged++;
      return previous;
    }
    const kept = previous && previous.optionsKey === optionsKey && sameFiles(previous, files) ? previous : undefined;
    const patch = kept && patchModel(kept, files, decls);
    if (kept && patch && kept.races.summarizer.nextRun(patch.model, patch.changed)) {
      const model = patch.model;
      const facts = findRaces(model, kept.races);
      if (!kept.races.summarizer.orderDependent) {
        this.stats.incremental++;
        if (patch.patched) this.stats.patched++;
        let { syncMaps, syncMapSignature, syncMapNames } = kept;
        if (patch.declarations || patch.patched?.syncMapNames) {
          // Which names are sync.Maps may have changed with the declarations.
          syncMapNames = new SyncMaps(model);
          const signature = syncMapNames.signature();
          if (signature !== syncMapSignature) [syncMaps, syncMapSignature] = [new SyncMapCallCache(), signature];
        }
        if (!patch.declarations && !patch.patched?.types) shareTypeSpecs(kept.model, model);
        const names = syncMapNames ?? new SyncMaps(model);
        const findings = runRules(model, facts, () => names.calls(syncMaps), options);
        const funcsByNode = patch.declarations ? undefined : kept.funcsByNode;
        return { files, texts, decls, generation, model, races: kept.races, syncMaps, syncMapSignature, syncMapNames: names, funcsByNode, optionsKey, findings };
      }
    }
    this.stats.fresh++;
    const model = buildPackageModel(files);
    const races = new RaceCache(new Summarizer(model, { session: true }));
    const syncMaps = new SyncMapCallCache();
    const facts = findRaces(model, races);
    const names = new SyncMaps(model);
    const findings = runRules(model, facts, () => names.calls(syncMaps), options);
    return { files, texts, decls, generation, model, races, syncMaps, syncMapSignature: names.signature(), syncMapNames: names, optionsKey, findings };
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameFiles(state: GroupState, files: readonly SourceFile[]): boolean {
  return sameList(state.files, files);
}

/**
 * The previous model, with its objects taking the edited declarations, as a new model object (caches
 * keyed by the model start over). When only function bodies and comments changed, or declarations whose
 * facts the model holds stay the same (`patched`, see declarationPatch.ts), that is all; else
 * (`declarations`) the model is built again and made of the previous objects wherever their facts are
 * unchanged, and `changed` names the entries that are not (modelDiff).
 */
function patchModel(previous: GroupState, files: readonly SourceFile[], decls: SyntaxNode[][]): { model: PackageModel; declarations: boolean; patched?: DeclarationPatch; changed: ReadonlySet<string> } {
  const edited = editedDeclarations(previous, files, decls);
  const patched = edited && (edited.others.length ? patchDeclarations(previous.model, files, edited.others) : undefined);
  if (edited && (patched || !edited.others.length)) {
    for (const [info, node] of edited.bodies) {
      previous.funcsByNode?.delete(info.node);
      previous.funcsByNode?.set(node, info);
      info.node = node;
    }
    return { model: { ...previous.model, files }, declarations: false, patched, changed: new Set() };
  }
  const { model, changed } = diffModel(previous.model, buildPackageModel(files), previous.generation);
  return { model, declarations: true, changed };
}

/**
 * When each file has the same top-level nodes but for those an edit reached, and the functions and methods
 * among them keep their names, receivers and result types: their FuncInfo objects with their new
 * declarations (`bodies`), and the other declarations edited (`others`, for patchDeclarations). Else
 * undefined (declarations came or went).
 */
function editedDeclarations(previous: GroupState, files: readonly SourceFile[], decls: SyntaxNode[][]): { bodies: [FuncInfo, SyntaxNode][]; others: EditedDeclaration[] } | undefined {
  let byNode = previous.funcsByNode;
  if (!byNode) {
    byNode = previous.funcsByNode = new Map();
    for (const f of previous.model.funcs.values()) for (const info of [f, ...(f.variants ?? [])]) byNode.set(info.node, info);
    for (const list of previous.model.methods.values()) for (const info of list) byNode.set(info.node, info);
  }
  const bodies: [FuncInfo, SyntaxNode][] = [];
  const others: EditedDeclaration[] = [];
  for (let i = 0; i < files.length; i++) {
    const before = previous.decls[i];
    const now = decls[i];
    if (before.length !== now.length) return undefined;
    for (let k = 0; k < now.length; k++) {
      const old = before[k];
      const node = now[k];
      if (old === node && !changedSince(node, previous.generation)) continue;
      if (old.type !== node.type) return undefined;
      // Line ends and semicolons between declarations hold nothing.
      if (!node.named || node.type === 'comment') continue;
      if (!BODY_ONLY.has(node.type)) {
        others.push({ file: files[i], before: old, now: node });
        continue;
      }
      const info = byNode.get(old);
      const fresh = funcInfoOf(files[i], node);
      if (!info || !fresh) {
        // A declaration without a name is in no model; one that gained or lost its name changes it.
        if (info || fresh) return undefined;
        continue;
      }
      if (info.name !== fresh.name || info.receiverType !== fresh.receiverType || info.resultType !== fresh.resultType) return undefined;
      bodies.push([info, node]);
    }
  }
  return { bodies, others };
}

export { analyzePackage };
