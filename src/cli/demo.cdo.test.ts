import { describe, expect, it } from 'vitest';
import { useLiutong } from '../../test/harness.js';
import { seedCdo } from './demo.cdo.js';

describe('demo chief data officers', () => {
  const h = useLiutong('pglite');

  it('appoints one CDO per organisation, records a DCMM self-assessment and takes a first evaluation, through the services', async () => {
    const bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    const police = await h().org(['source_unit'], 'Police', 'government');
    const factory = await h().org(['enterprise'], 'Factory');
    const lt = h().lt;
    await seedCdo(lt, { bureau: bureau.id, police: police.id, factory: factory.id });
    const register = await lt.cdo.appointments.register(1, 50);
    expect(register.items.map((a) => a.orgId).sort()).toEqual([bureau.id, police.id, factory.id].sort());
    expect(register.items.find((a) => a.orgId === police.id)).toMatchObject({ name: '李振华', userId: police.adminUserId, status: 'current' });
    const dcmm = await lt.cdo.dcmm.history(factory.id, 1, 10);
    expect(dcmm.items).toHaveLength(1);
    expect(dcmm.items[0]).toMatchObject({ overallLevel: 2 });
    const evaluations = await lt.cdo.evaluations.list(1, 10);
    expect(evaluations.items).toHaveLength(1);
    expect(evaluations.items[0]!.bodies).toBe(2); // the two government bodies; the factory is an enterprise
  });
});
