// concurrent-map-access: two accesses to one map, at least one a write, that may run at the same
// time with no common lock and no happens-before order. Each racy access gets one finding.
import { childByField, namedChildren, nodeText } from '../syntax';
import type { Finding, Fix } from '../types';
import type { VarDecl } from '../model/variables';
import type { Access } from '../model/timeline';
import type { Race, RaceFacts } from '../model/races';
import { nodeRange, where } from '../positions';
import { guardWithMutex } from '../fixes/guardWithMutex';
import { convertToSyncMap } from '../fixes/convertToSyncMap';
import type { PackageModel } from '../model/packageModel';

export const RULE_ID = 'concurrent-map-access';

/**
 * `skip`: races whose access another, more specific rule reports. With `model`, findings also get
 * "Convert to sync.Map" where it applies; at most one fix of a finding is preferred.
 */
export function concurrentMapAccess(
  facts: RaceFacts,
  skip: (race: Race) => boolean = () => false,
  context: { model?: PackageModel; goVersion?: string } = {},
): Finding[] {
  const { races, accesses } = facts;
  const byVar = new Map<VarDecl, Access[]>();
  for (const race of races.values()) {
    const list = byVar.get(race.here.access.v) ?? [];
    list.push(race.here.access);
    byVar.set(race.here.access.v, list);
  }
  const fixes = new Map<VarDecl, Fix[]>();
  const conversions = new Map<VarDecl, Fix | undefined>();
  for (const [v, racy] of byVar) {
    const guard = guardWithMutex(v, racy, accesses.filter((a) => a.v === v));
    // Instances of one struct share their field's conversion: it rewrites the type.
    const target = v.field ?? v;
    if (context.model && !conversions.has(target)) {
      const uses = accesses.filter((a) => (a.v.field ?? a.v) === target);
      conversions.set(target, convertToSyncMap(target, context.model, uses, { goVersion: context.goVersion }));
    }
    const convert = conversions.get(target);
    if (convert?.preferred) fixes.set(v, [convert, ...(guard ? [{ ...guard, preferred: false }] : [])]);
    else fixes.set(v, [...(guard ? [guard] : []), ...(convert ? [convert] : [])]);
  }
  return [...races.values()].filter((race) => !skip(race)).map((race) => toFinding(race, fixes.get(race.here.access.v) ?? []));
}

const HERE_VERB = { read: 'read', write: 'written', iterate: 'ranged over' } as const;
const OTHER_VERB = { read: 'reads', write: 'writes', iterate: 'ranges over' } as const;

export function runtimeError(a: Access, b: Access): string {
  if (a.kind === 'write' && b.kind === 'write') return 'concurrent map writes';
  if (a.kind === 'iterate' || b.kind === 'iterate') return 'concurrent map iteration and map write';
  return 'concurrent map read and map write';
}

/** The map as written at the access: `m` in `m[k]`, `delete(m, k)` or `range m`. */
export function mapExpressionText(a: Access): string {
  const n = a.node;
  if (n.type === 'index_expression') {
    const operand = childByField(n, 'operand');
    if (operand) return nodeText(a.file, operand);
  }
  if (n.type === 'call_expression') {
    const args = childByField(n, 'arguments');
    const first = args && namedChildren(args)[0];
    if (first) return nodeText(a.file, first);
  }
  return nodeText(a.file, n);
}

function toFinding(race: Race, fixes: Fix[]): Finding {
  const { here, other } = race;
  const a = here.access;
  const b = other.access;
  const name = mapExpressionText(a);
  const message =
    `map \`${name}\` is ${HERE_VERB[a.kind]} here in ${here.who} while ${other.who} ` +
    `${OTHER_VERB[b.kind]} it at ${where(b.file.path, b.node)}, with no common lock or ordering between them: ` +
    `fatal error: ${runtimeError(a, b)}`;
  const related = [
    {
      file: b.file.path,
      range: nodeRange(b.node),
      message: `the other access: \`${mapExpressionText(b)}\` is ${HERE_VERB[b.kind]} here in ${other.who}`,
    },
  ];
  for (const side of [here, other]) {
    const s = side.spawn;
    const startedHere = s?.body.who.kind === 'goroutine' ? s.body.who.startedHere : undefined;
    const steps = [
      ...(s?.via ?? []).map((step) => ({ node: step.node, file: step.file, message: `${step.callee} is called here, which leads to the goroutine` })),
      ...(s ? [{ node: s.goNode, file: s.file, message: startedHere ?? 'the goroutine is started here' }] : []),
      ...(side.access.via ?? []).map((step) => ({ node: step.node, file: step.file, message: `${step.callee} is called here, which reaches the access at ${where(side.access.file.path, side.access.node)}` })),
    ];
    for (const step of steps) {
      if (related.some((r) => r.file === step.file.path && r.range.start.line === step.node.startPoint.row && r.range.start.character === step.node.startPoint.column)) continue;
      related.push({ file: step.file.path, range: nodeRange(step.node), message: step.message });
    }
  }
  return {
    file: a.file.path,
    rule: RULE_ID,
    severity: 'error',
    message,
    range: nodeRange(a.node),
    related,
    fixes,
  };
}
