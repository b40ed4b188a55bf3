// unsynchronized-map-field: a struct's map field that methods running concurrently touch, in a
// struct with no mutex at all: reported once, at the field, with the races as related information.
import type { Finding } from '../types';
import type { MapFixes } from '../fixes/mapFixes';
import { withLazyFixes } from '../lazyFixes';
import type { FieldInfo, FuncInfo, PackageModel } from '../model/packageModel';
import type { VarDecl } from '../model/variables';
import type { RaceFacts } from '../model/races';
import { nodeRange } from '../positions';
import type { Access } from '../model/timeline';

export const RULE_ID = 'unsynchronized-map-field';

/** Is the access written in a method of the type, or of a type that embeds it (closures inside included)? */
function inMethodOf(a: Access, typeName: string, model: PackageModel, methods: readonly FuncInfo[]): boolean {
  return methods.some(
    (m) =>
      m.file === a.file &&
      m.node.start <= a.node.start &&
      a.node.end <= m.node.end &&
      (m.receiverType === typeName || !!(m.receiverType && model.structs.get(m.receiverType)?.embedded.includes(typeName))),
  );
}

/** `fixes`: the fixes of each racy map (mapFixes): the field's are offered at the field too. */
export function unsynchronizedMapField(facts: RaceFacts, model: PackageModel, fixes: MapFixes): Finding[] {
  if (!facts.races.size) return [];
  const fields = new Map<VarDecl, FieldInfo>();
  for (const s of model.structs.values()) for (const f of s.fields.values()) fields.set(f.decl, f);
  const out = new Map<FieldInfo, Finding>();
  const methods = [...model.methods.values()].flat();
  for (const race of facts.races.values()) {
    // A race on one instance's map is a race on the field of its type.
    const field = fields.get(race.here.access.v.field ?? race.here.access.v);
    if (!field || field.owner.mutexes.length > 0 || field.owner.embedded.some((e) => model.structs.get(e)?.mutexes.length)) continue;
    // The type's own methods must be what runs concurrently, not code that merely reaches into the field.
    if (![race.here, race.other].some((side) => inMethodOf(side.access, field.owner.name, model, methods))) continue;
    let finding = out.get(field);
    if (!finding) {
      const decl = field.decl;
      finding = withLazyFixes({
        file: field.owner.file.path,
        rule: RULE_ID,
        severity: 'warning',
        message: `field \`${field.owner.name}.${field.name}\` is a map accessed by methods that run concurrently, and ${field.owner.name} has no mutex guarding it`,
        range: nodeRange(field.decl.node),
        related: [] as Finding['related'],
      }, () => fixes(decl));
      out.set(field, finding);
    }
    const a = race.here.access;
    const spawn = race.here.spawn;
    const places = [
      { file: a.file.path, range: nodeRange(a.node), message: `accessed here in ${race.here.who}` },
      ...(spawn ? [{ file: spawn.file.path, range: nodeRange(spawn.goNode), message: 'a goroutine that reaches it is started here' }] : []),
    ];
    for (const p of places) {
      const dup = finding.related.some((r) => r.file === p.file && r.range.start.line === p.range.start.line && r.range.start.character === p.range.start.character);
      if (!dup && finding.related.length < 6) finding.related.push(p);
    }
  }
  return [...out.values()];
}
