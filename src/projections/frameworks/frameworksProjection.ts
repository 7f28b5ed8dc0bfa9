import type { Framework } from '../../domain/framework/framework';
import { defineProjection } from '../projection';

export type FrameworkDocument = Framework & { publishedAt: string };

export const frameworksProjection = defineProjection({
  name: 'frameworks',
  version: 3,
  collections: [{ name: 'frameworks', indexes: [['group']] }],
  handles: ['FrameworkPublished'],
  reads: () => [],
  apply(event) {
    if (event.type !== 'FrameworkPublished') return [];
    const doc: FrameworkDocument = { ...event.data, publishedAt: event.metadata.recordedAt };
    return [{ collection: 'frameworks', id: event.data.code, doc }];
  },
});
