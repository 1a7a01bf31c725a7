// Loads the shipped resources (models, lexicons) once, explicitly, so stages get them handed in.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { MarsadError } from '../model/errors.js';
import type { AnalyzerResources } from './analyzer.js';

/** The `resources/` folder of the installed package (the same depth from src/ and dist/). */
export function defaultResourcesDir(): string {
  return fileURLToPath(new URL('../../resources', import.meta.url));
}

export interface LoadOptions {
  ner?: boolean;
}

export async function loadAnalyzerResources(dir: string, options: LoadOptions = {}): Promise<AnalyzerResources> {
  if (!existsSync(dir)) {
    throw new MarsadError('E_RESOURCE', `resources folder not found: ${dir}; pass --resources DIR or reinstall marsad`);
  }
  const resources: AnalyzerResources = {};
  if (options.ner !== false) {
    const nerDir = join(dir, 'ner');
    if (existsSync(nerDir)) {
      const { loadNerModel, createNerTagger } = await import('./stages/ner/index.js');
      resources.ner = createNerTagger(loadNerModel(nerDir));
    }
  }
  return resources;
}
