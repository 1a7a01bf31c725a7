// Latin-script organisation names for the NER gazetteer, from a self-written dictionary in the Phoenix format.
import { describe, expect, it } from 'vitest';
import { latinVariants, phoenixOrganisations } from './build-ner-gazetteer.js';

const DICTIONARY = [
  '# a comment line',
  'NORTHWIND_TRADERS_INC_ [MNCUSA]',
  'HELPING_HANDS_',
  '+HH_',
  '\t[NGOHLH]',
  'JANE_DOE_ [MNCUSA]# a spokeswoman: two words, left out',
  'WORLD_PEACE_COUNCIL_ [IGO]',
  'SOME_RIVER_ [GEO]',
  'ACME_CORPORATION_',
  '\t[MNC]',
].join('\n');

describe('Latin organisation names', () => {
  it('keeps one-word organisation names and aliases from a Phoenix dictionary, corporate words dropped', () => {
    expect(phoenixOrganisations(DICTIONARY).sort()).toEqual(['ACME', 'HH']);
  });

  it('writes a name as listed, in capitals and capitalised, and refuses non-Latin words', () => {
    expect(latinVariants('ACME').sort()).toEqual(['ACME', 'Acme']);
    expect(latinVariants('Human Rights Watch').sort()).toEqual(['HUMAN RIGHTS WATCH', 'Human Rights Watch']);
    expect(latinVariants('AT&T')).toEqual(['AT&T', 'At&t']);
    expect(latinVariants('رويترز')).toEqual([]);
    expect(latinVariants('lowercase start')).toEqual([]);
  });
});
