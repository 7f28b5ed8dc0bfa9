import type { ProjectionRunner } from '../runner/projectionRunner';
import type { ReadStore } from '../store/readStore';
import type { PlanDocument } from './planDocument';

/** The plans read model: one plan by code, or a year's plans by code. */
export class PlanReads {
  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
  ) {}

  private get collection() {
    return this.runner.collection('plans', 'plans');
  }

  async one(code: string): Promise<PlanDocument | null> {
    return (await this.store.get<PlanDocument>(this.collection, code))?.doc ?? null;
  }

  ofYear(year: number): Promise<PlanDocument[]> {
    return this.store.find<PlanDocument>(this.collection, { filter: { year }, sort: [{ field: 'code', direction: 1 }] });
  }
}
