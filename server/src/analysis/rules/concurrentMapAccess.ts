// concurrent-map-access: two accesses to one map, at least one a write, that may run at the same
// time with no common lock and no happens-before order. Each racy access gets one finding.
import { childByField, namedChildren, nodeText } from '../syntax';
import type { Finding } from '../types';
import type { MapFixes } from '../fixes/mapFixes';
import { withLazyFixes } from '../lazyFixes';
import type { Access } from '../model/timeline';
import type { Race, RaceFacts } from '../model/races';
import { nodeRange, where } from '../positions';
import { guardedMap } from '../fixes/guardWithMutex';

export const RULE_ID = 'concurrent-map-access';

/** `fixes`: the fixes of each racy map (mapFixes); `skip`: races whose access another, more specific rule reports. */
export function concurrentMapAccess(facts: RaceFacts, fixes: MapFixes, skip: (race: Race) => boolean = () => false): Finding[] {
  return [...facts.races.values()].filter((race) => !skip(race)).map((race) => withLazyFixes(toFinding(race), () => fixes(guardedMap(race.here.access.v))));
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

function toFinding(race: Race): Omit<Finding, 'fixes'> {
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
  };
}
