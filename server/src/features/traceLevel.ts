// Whether the client wants $/logTrace lines. vscode-languageserver's tracer keeps the level to itself, and
// a trace line is not free: its memory figures read the heap's statistics, which waits for the collector's
// sweeping to finish on the main thread (up to several ms after an analysis). Without a trace, no line.
import { Trace, type RemoteTracer, type TracerFeature } from 'vscode-languageserver/node';

/** A tracer for createConnection that reports each level the client sets (initialize, $/setTrace). */
export function traceLevelFeature(onChange: (on: boolean) => void): TracerFeature<object> {
  return (Base) =>
    class extends (Base as new () => RemoteTracer) {
      set trace(value: Trace) {
        Reflect.set(Base.prototype, 'trace', value, this);
        onChange(value !== Trace.Off);
      }
    };
}
