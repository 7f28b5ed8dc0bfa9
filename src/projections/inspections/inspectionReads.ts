import { compareCodes } from '../../domain/vietnameseOrder';
import type { ProjectionRunner } from '../runner/projectionRunner';
import type { ReadStore } from '../store/readStore';
import type { InspectionDocument } from './inspectionDocument';

/** Inspections as the inspections projection keeps them. */
export class InspectionReads {
  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
  ) {}

  private get collection() {
    return this.runner.collection('inspections', 'inspections');
  }

  async inspection(code: string): Promise<InspectionDocument | null> {
    return (await this.store.get<InspectionDocument>(this.collection, code))?.doc ?? null;
  }

  /** The year's plans: the inspections each issuing agency planned (supplements included), SNV's first, then by code. */
  async plans(year: number): Promise<{ year: number; issuingAgencyCode: string; inspections: InspectionDocument[] }[]> {
    const docs = await this.store.find<InspectionDocument>(this.collection, { filter: { year } });
    const byIssuer = new Map<string, InspectionDocument[]>();
    for (const doc of docs.sort((a, b) => a.plannedMonth - b.plannedMonth || compareCodes(a.code, b.code))) {
      byIssuer.set(doc.issuingAgencyCode, [...(byIssuer.get(doc.issuingAgencyCode) ?? []), doc]);
    }
    return [...byIssuer]
      .sort(([a], [b]) => (a === 'SNV' ? -1 : b === 'SNV' ? 1 : compareCodes(a, b)))
      .map(([issuingAgencyCode, inspections]) => ({ year, issuingAgencyCode, inspections }));
  }
}
