// A full collection on demand: V8 offers one only with --expose-gc, which can be set after start-up.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
