import type { SourceFile } from '../syntax';
export interface PackageModel { files: readonly SourceFile[] }
export function buildPackageModel(files: readonly SourceFile[]): PackageModel { return { files }; }
