import type { ProjectionRunner } from '../runner/projectionRunner';
import type { Filter, ReadStore } from '../store/readStore';
import type { AssignmentDocument } from './assignmentsProjection';

/** The standing responsibilities as recorded (the seeded matrix and every assignResponsibility). */
export class AssignmentReads {
  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
  ) {}

  async get(code: string): Promise<AssignmentDocument | null> {
    return (await this.store.get<AssignmentDocument>(this.runner.collection('assignments', 'assignments'), code))?.doc ?? null;
  }

  /** Those in force on `day` (all when null), of one agency as lead or coordinator when given, by code. */
  async list(filter: { day: string | null; agencyCode: string | null }): Promise<AssignmentDocument[]> {
    const where: Filter = {};
    const docs = await this.store.find<AssignmentDocument>(this.runner.collection('assignments', 'assignments'), { filter: where });
    return docs
      .filter((a) => filter.day === null || (a.effectiveFrom <= filter.day && (a.effectiveUntil === null || a.effectiveUntil >= filter.day)))
      .filter((a) => filter.agencyCode === null || a.lead === filter.agencyCode || a.coordinators.includes(filter.agencyCode))
      .sort((a, b) => a.code.localeCompare(b.code));
  }
}
