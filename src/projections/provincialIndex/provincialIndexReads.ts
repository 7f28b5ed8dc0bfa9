import type { ProjectionRunner } from '../runner/projectionRunner';
import type { ReadStore } from '../store/readStore';
import type { ProvincialAssessmentDocument } from './provincialIndexProjection';

export class ProvincialIndexReads {
  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
  ) {}

  async year(year: number): Promise<ProvincialAssessmentDocument | null> {
    return (await this.store.get<ProvincialAssessmentDocument>(this.runner.collection('provincialIndex', 'provincialAssessments'), String(year)))?.doc ?? null;
  }
}
