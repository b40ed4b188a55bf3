// Package-level facts: map types, package variables, functions and methods, by name.
import { childByField, childrenByField, namedChildren, nodeText, type SourceFile, type SyntaxNode } from '../syntax';
import { VarDecl, isMapTypeNode, isMapValue, newVar } from './variables';

export interface FuncInfo {
  name: string;
  /** Receiver type name for methods (without `*`). */
  receiverType?: string;
  node: SyntaxNode;
  file: SourceFile;
}

export interface PackageModel {
  files: readonly SourceFile[];
  /** Named types whose underlying type is a map (`type Set map[string]bool`). */
  mapTypes: Set<string>;
  globals: Map<string, VarDecl>;
  funcs: Map<string, FuncInfo>;
  methods: Map<string, FuncInfo[]>;
}

export function buildPackageModel(files: readonly SourceFile[]): PackageModel {
  const model: PackageModel = { files, mapTypes: new Set(), globals: new Map(), funcs: new Map(), methods: new Map() };
  for (const file of files) {
    for (const decl of file.root.children) {
      if (decl.type === 'type_declaration') {
        for (const spec of namedChildren(decl)) {
          const name = childByField(spec, 'name');
          const type = childByField(spec, 'type');
          if (name && type && type.type === 'map_type') model.mapTypes.add(nodeText(file, name));
        }
      }
    }
  }
  for (const file of files) {
    for (const decl of file.root.children) {
      if (decl.type === 'var_declaration') collectGlobals(model, file, decl);
      else if (decl.type === 'function_declaration') {
        const name = childByField(decl, 'name');
        if (name) model.funcs.set(nodeText(file, name), { name: nodeText(file, name), node: decl, file });
      } else if (decl.type === 'method_declaration') {
        const name = childByField(decl, 'name');
        if (!name) continue;
        const info: FuncInfo = { name: nodeText(file, name), node: decl, file, receiverType: receiverTypeName(file, decl) };
        const list = model.methods.get(info.name) ?? [];
        list.push(info);
        model.methods.set(info.name, list);
      }
    }
  }
  return model;
}

function collectGlobals(model: PackageModel, file: SourceFile, decl: SyntaxNode): void {
  const specs = decl.children.flatMap((c) => (c.type === 'var_spec' ? [c] : c.type === 'var_spec_list' ? c.children.filter((s) => s.type === 'var_spec') : []));
  for (const spec of specs) {
    const type = childByField(spec, 'type');
    const values = childByField(spec, 'value');
    const names = childrenByField(spec, 'name');
    names.forEach((nameNode, i) => {
      const name = nodeText(file, nameNode);
      if (name === '_') return;
      const value = values ? namedChildren(values)[i] : undefined;
      const isMap = type ? isMapTypeNode(file, type, model.mapTypes) : !!value && isMapValue(file, value, model.mapTypes);
      model.globals.set(name, newVar(name, nameNode, file, { isMap, global: true }));
    });
  }
}

function receiverTypeName(file: SourceFile, method: SyntaxNode): string | undefined {
  const receiver = childByField(method, 'receiver');
  const param = receiver?.children.find((c) => c.type === 'parameter_declaration');
  const type = param && childByField(param, 'type');
  if (!type) return undefined;
  return nodeText(file, type).replace(/^\*/, '').replace(/\[.*$/, '');
}
