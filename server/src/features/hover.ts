// Hover on a map: where it is declared, the mutex that guards it at how many places, and who runs it concurrently.
import * as path from 'node:path';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { describeMapAt, type MapDescription, type SourceFile } from '../analysis/index';
import { lineStarts, offsetAt } from '../analysis/textEdits';
import { uriToPath } from '../workspace/uris';
import type { UriOf } from './convert';

/** At most this many contexts are listed; the rest are counted. */
const MAX_CONTEXTS = 6;

export class Hovers {
  constructor(
    private readonly packages: { sourcesOf(dir: string): SourceFile[] },
    private readonly uriOf: UriOf,
  ) {}

  provide(params: HoverParams): Hover | null {
    const file = uriToPath(params.textDocument.uri);
    if (!file || !file.endsWith('.go')) return null;
    // The whole package, open buffers included: a map's places and contexts span its files.
    const sources = this.packages.sourcesOf(path.dirname(file));
    const source = sources.find((s) => s.path === file);
    if (!source) return null;
    const offset = offsetAt(lineStarts(source.text), source.text, params.position);
    const description = describeMapAt(sources, file, offset);
    if (!description) return null;
    return { contents: { kind: MarkupKind.Markdown, value: this.render(description) }, range: description.range };
  }

  render(d: MapDescription): string {
    const line = d.declaration.range.start.line;
    const declaredAt = `[${escape(d.declaration.where)}](${this.uriOf(d.declaration.file)}#L${line + 1})`;
    const out = [`**map ${code(d.name)}**: ${d.kind} ${code(d.declaration.name)}, declared at ${declaredAt}`];
    const places = d.places === 1 ? '1 place' : `${d.places} places`;
    if (d.guard) out.push(`${code(d.name)} is accessed under ${code(d.guard.mutex)} at ${d.guard.guarded} of ${places}.`);
    else out.push(`${code(d.name)} is accessed at ${places}, none of them under a mutex.`);
    if (d.contexts.length === 0) {
      out.push('No goroutine, HTTP handler or shared method of this package reaches it.');
    } else {
      const shown = d.contexts.slice(0, MAX_CONTEXTS).map((c) => `- ${escape(c)}`);
      const more = d.contexts.length - shown.length;
      if (more > 0) shown.push(`- and ${more} more`);
      out.push(`Reached concurrently from:\n${shown.join('\n')}`);
    }
    return out.join('\n\n');
  }
}

/** A Markdown code span that survives backticks inside it. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}
