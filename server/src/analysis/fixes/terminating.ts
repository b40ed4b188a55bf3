// Go's terminating statements (the spec's list): a closure whose body already ends in one must not get
// another `return` after it, or go vet reports unreachable code.
import { childByField, namedChildren, nodeText, type SourceFile, type SyntaxNode } from '../syntax';

const BREAKABLE = new Set(['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);
const CASES = new Set(['expression_case', 'default_case', 'type_case', 'communication_case']);

/** Does the block end in a terminating statement? `ours`: break/continue statements that become returns. */
export function endsTerminating(file: SourceFile, block: SyntaxNode, ours: ReadonlySet<SyntaxNode>): boolean {
  const last = lastStatement(block.children);
  return !!last && terminating(file, last, ours);
}

function lastStatement(children: readonly SyntaxNode[]): SyntaxNode | undefined {
  const stmts = children.filter((c) => c.named && !c.field && c.type !== 'comment' && c.type !== 'empty_statement');
  return stmts[stmts.length - 1];
}

function terminating(file: SourceFile, s: SyntaxNode, ours: ReadonlySet<SyntaxNode>, label?: string): boolean {
  switch (s.type) {
    case 'return_statement':
    case 'goto_statement':
      return true;
    case 'break_statement':
    case 'continue_statement':
      return ours.has(s);
    case 'expression_statement': {
      const call = namedChildren(s)[0];
      const fn = call?.type === 'call_expression' ? childByField(call, 'function') : undefined;
      return !!fn && fn.type === 'identifier' && nodeText(file, fn) === 'panic';
    }
    case 'block':
      return endsTerminating(file, s, ours);
    case 'labeled_statement': {
      const inner = namedChildren(s).find((c) => c.type !== 'label_name');
      return !!inner && terminating(file, inner, ours, nodeText(file, childByField(s, 'label') ?? s));
    }
    case 'if_statement': {
      const then = childByField(s, 'consequence');
      const otherwise = childByField(s, 'alternative');
      return !!then && !!otherwise && terminating(file, then, ours) && terminating(file, otherwise, ours);
    }
    case 'for_statement': {
      const clause = s.children.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
      // `for x < 3 {`: the condition is the loop's only named child besides its body.
      const cond = clause?.type === 'for_clause' ? childByField(clause, 'condition') : clause ? undefined : namedChildren(s).find((c) => c.field !== 'body');
      return !cond && clause?.type !== 'range_clause' && !breaksOut(file, s, label);
    }
    case 'expression_switch_statement':
    case 'type_switch_statement':
    case 'select_statement': {
      const cases = s.children.filter((c) => CASES.has(c.type));
      if (s.type !== 'select_statement' && !cases.some((c) => c.type === 'default_case')) return false;
      if (breaksOut(file, s, label)) return false;
      return cases.every((c) => {
        const last = lastStatement(c.children);
        return !!last && (last.type === 'fallthrough_statement' || terminating(file, last, ours));
      });
    }
    default:
      return false;
  }
}

/** A `break` that leaves `s` itself (unlabelled and not inside a nested loop, switch or select, or naming its label). */
function breaksOut(file: SourceFile, s: SyntaxNode, label: string | undefined): boolean {
  let found = false;
  const visit = (n: SyntaxNode, depth: number): void => {
    for (const c of n.children) {
      if (found || c.type === 'func_literal') continue;
      if (c.type === 'break_statement') {
        const target = c.children.find((x) => x.type === 'label_name');
        if (target ? nodeText(file, target) === label : depth === 0) found = true;
        continue;
      }
      visit(c, depth + (BREAKABLE.has(c.type) ? 1 : 0));
    }
  };
  for (const c of s.children) visit(c, 0);
  return found;
}

