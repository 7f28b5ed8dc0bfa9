import type { ProposalStatus } from '../../domain/enums';
import type { ProjectionRunner } from '../runner/projectionRunner';
import type { Filter, ReadStore } from '../store/readStore';
import type { CommendationDocument, ProposalDocument } from './proposalDocuments';

/** Reform proposals and the year's commendation and accountability proposals, as the proposals projection keeps them. */
export class ProposalReads {
  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
  ) {}

  private collection(logical: string) {
    return this.runner.collection('proposals', logical);
  }

  async proposal(code: string): Promise<ProposalDocument | null> {
    return (await this.store.get<ProposalDocument>(this.collection('proposals'), code))?.doc ?? null;
  }

  /** Oldest submission first. */
  async proposals(status: ProposalStatus | null, year: number | null): Promise<ProposalDocument[]> {
    const filter: Filter = {};
    if (status) filter.status = status;
    if (year !== null) filter.year = year;
    return this.store.find<ProposalDocument>(this.collection('proposals'), { filter, sort: [{ field: 'submittedAt', direction: 1 }] });
  }

  async commendations(year: number): Promise<CommendationDocument[]> {
    return this.store.find<CommendationDocument>(this.collection('commendations'), { filter: { year } });
  }
}
