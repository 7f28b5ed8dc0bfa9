import type { ProjectionRunner } from '../runner/projectionRunner';
import type { ReadStore } from '../store/readStore';
import type { RegulationIssueDocument, ReportingDocument } from './reportingDocuments';

/** Reporting rounds and the issues raised with the regulation, as the reporting projection keeps them. */
export class ReportingReads {
  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
  ) {}

  private collection(name: string) {
    return this.runner.collection('reporting', name);
  }

  async round(reportingId: string): Promise<ReportingDocument | null> {
    return (await this.store.get<ReportingDocument>(this.collection('reportings'), reportingId))?.doc ?? null;
  }

  /** The year's rounds, by deadline. */
  async rounds(year: number): Promise<ReportingDocument[]> {
    const docs = await this.store.find<ReportingDocument>(this.collection('reportings'), { filter: { year } });
    return docs.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.reportingId.localeCompare(b.reportingId));
  }

  /** Every issue, in the order raised (their ids count up). */
  async issues(): Promise<RegulationIssueDocument[]> {
    const docs = await this.store.find<RegulationIssueDocument>(this.collection('regulationIssues'), {});
    return docs.sort((a, b) => a.issueId.localeCompare(b.issueId));
  }
}
