import type { Duty } from '../../domain/duty/duty';
import type { ProjectionRunner } from '../runner/projectionRunner';
import type { Filter, ReadStore } from '../store/readStore';
import { DUTY_SOURCES } from './dutySources';

/** Every area's duties (DUTY_SOURCES), read together. */
export class DutyReads {
  constructor(
    private readonly store: ReadStore,
    private readonly runner: ProjectionRunner,
    private readonly sources = DUTY_SOURCES,
  ) {}

  /** The duties of these agencies (all agencies when null), from every source. */
  async of(agencyCodes: readonly string[] | null): Promise<Duty[]> {
    const filter: Filter = agencyCodes === null ? {} : { agencyCode: { $in: [...agencyCodes] } };
    const lists = await Promise.all(this.sources.map((s) => this.store.find<Duty>(this.runner.collection(s.projection, s.collection), { filter })));
    return lists.flat();
  }
}
