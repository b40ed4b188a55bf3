import type { PackageModel } from '../model/packageModel';
import type { Finding } from '../types';
export function concurrentMapAccess(_model: PackageModel): Finding[] { return []; }
