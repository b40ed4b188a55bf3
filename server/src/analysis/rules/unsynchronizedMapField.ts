// unsynchronized-map-field: a struct's map field that methods running concurrently touch, in a
// struct with no mutex at all: reported once, at the field, with the races as related information.
import type { Finding } from '../types';
import type { FieldInfo, PackageModel } from '../model/packageModel';
import type { VarDecl } from '../model/variables';
import type { RaceFacts } from '../model/races';
import { nodeRange } from '../positions';
import { childByField, firstNamed, nodeText } from '../syntax';
import type { Spawn } from '../model/timeline';

export const RULE_ID = 'unsynchronized-map-field';

function startsMethodOf(spawn: Spawn, typeName: string, model: PackageModel): boolean {
  const isMethodOfType = (name: string) => !!model.methods.get(name)?.some((m) => m.receiverType === typeName);
  const node = spawn.goNode;
  // A method maprace assumes is called concurrently (ServeHTTP): the spawn points at its name.
  if (node.type === 'field_identifier') return isMethodOfType(nodeText(spawn.file, node));
  const call = node.type === 'go_statement' ? firstNamed(node, 'call_expression') : undefined;
  const fn = call && childByField(call, 'function');
  const field = fn?.type === 'selector_expression' ? childByField(fn, 'field') : undefined;
  return !!field && isMethodOfType(nodeText(spawn.file, field));
}

export function unsynchronizedMapField(facts: RaceFacts, model: PackageModel): Finding[] {
  const fields = new Map<VarDecl, FieldInfo>();
  for (const s of model.structs.values()) for (const f of s.fields.values()) fields.set(f.decl, f);
  const out = new Map<FieldInfo, Finding>();
  for (const race of facts.races.values()) {
    const field = fields.get(race.here.access.v);
    if (!field || field.owner.mutexes.length > 0 || field.owner.embedded.some((e) => model.structs.get(e)?.mutexes.length)) continue;
    // The type's own methods must be what runs concurrently: `go c.method()`, or a handler method.
    if (![race.here, race.other].some((side) => side.spawn && startsMethodOf(side.spawn, field.owner.name, model))) continue;
    let finding = out.get(field);
    if (!finding) {
      finding = {
        file: field.owner.file.path,
        rule: RULE_ID,
        severity: 'warning',
        message: `field \`${field.owner.name}.${field.name}\` is a map accessed by methods that run concurrently, and ${field.owner.name} has no mutex guarding it`,
        range: nodeRange(field.decl.node),
        related: [],
        fixes: [],
      };
      out.set(field, finding);
    }
    if (finding.related.length < 4) {
      const a = race.here.access;
      finding.related.push({ file: a.file.path, range: nodeRange(a.node), message: `accessed here in ${race.here.who}` });
    }
  }
  return [...out.values()];
}
