import type { Race } from '../rules/concurrentMapAccess';
import type { PackageModel } from '../model/packageModel';
import type { Fix } from '../types';
export function guardWithMutex(_race: Race, _model: PackageModel): Fix | undefined { return undefined; }
