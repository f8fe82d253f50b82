import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';

/**
 * The dated world of 1999 takes statuses, chairs, shocks and relations as given, never accessions:
 * no application is scheduled, no state holds a status before its dated event, and the SCO has
 * no members before its founding.
 */
const { scenario } = loadScenario(repoFile('scenarios/history-1999.yaml'));

describe('scenarios/history-1999.yaml', () => {
  it('schedules no accession: no application, and the members of 1999 only', () => {
    expect(scenario.events.filter((e) => e.kind === 'application')).toEqual([]);
    expect(scenario.organisations.CICA.members).toHaveLength(15);
    expect(scenario.organisations.ASEAN.members).toHaveLength(10);
    expect(scenario.organisations.SCO.members).toEqual(['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
    expect(scenario.startYear).toBe(1999);
  });

  it('gives no status before its date, and founds the SCO in 2001', () => {
    for (const org of Object.values(scenario.organisations)) {
      expect(org.observers).toEqual([]);
      expect(org.partners).toEqual([]);
    }
    expect(scenario.events.filter((e) => e.kind === 'founding')).toEqual([
      { year: 2001, kind: 'founding', org: 'SCO' },
    ]);
    // Each status on its date (scenarios/data/README.md): India an SCO observer from 2005, Timor-Leste ASEAN's from 2022.
    const statusYear = (state: string, org: string) =>
      scenario.events.find((e) => e.kind === 'status' && e.state === state && e.org === org)?.year;
    expect([statusYear('IND', 'SCO'), statusYear('TLS', 'ASEAN')]).toEqual([2005, 2022]);
  });

  it('has CICA chaired as it was, and Russia and Ukraine in no conflict before 2014', () => {
    const chairs = scenario.events.flatMap((e) => (e.kind === 'chair' ? [[e.year, e.state]] : []));
    expect(chairs).toEqual([
      [2010, 'TUR'],
      [2014, 'CHN'],
      [2018, 'TJK'],
      [2020, 'KAZ'],
      [2024, 'AZE'],
    ]);
    expect(scenario.organisations.CICA.chair.order).toEqual(['KAZ']);
    const ukraine = scenario.events.flatMap((e) =>
      e.kind === 'relation' && e.a === 'RUS' && e.b === 'UKR' ? [[e.year, e.relation]] : [],
    );
    expect(ukraine).toEqual([
      [1999, 'none'],
      [2014, 'conflict'],
      [2022, 'conflict'],
    ]);
  });
});
