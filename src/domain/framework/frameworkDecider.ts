import { event, type FrameworkEvent } from '../../events/parEvents';
import type { Decider } from '../decider';
import { DomainError } from '../errors';
import type { Framework } from './framework';
import { normaliseFramework, type FrameworkInput } from './frameworkInput';

export type PublishFramework = {
  type: 'PublishFramework';
  input: FrameworkInput;
  /** Loaded by the handler: appraisers must be registered agencies. */
  isRegisteredAgency: (code: string) => boolean;
};
type FrameworkCommand = PublishFramework;
type FrameworkState = { published: false } | { published: true; framework: Framework };

export const frameworkDecider: Decider<FrameworkCommand, FrameworkEvent, FrameworkState> = {
  initialState: () => ({ published: false }),

  decide(command, state) {
    if (state.published) {
      throw new DomainError(
        'CONFLICT',
        `framework ${state.framework.code} is already published; frameworks never change: publish the new version under a new code`,
        'code',
      );
    }
    const framework = normaliseFramework(command.input, command.isRegisteredAgency);
    return [event('FrameworkPublished', framework)];
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'FrameworkPublished':
        return { published: true, framework: event.data };
    }
  },
};
