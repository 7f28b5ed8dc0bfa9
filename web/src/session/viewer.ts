import { createContext, useContext } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';

export const VIEWER = graphql(`
  query Viewer {
    viewer {
      subject
      name
      roles
      agencyCode
      commands
      reads {
        resource
        scope
      }
    }
  }
`);

export type Viewer = ViewerQuery['viewer'];

/** Whether the token reads some of a resource (the service's read-scope table, as `viewer` reports it). */
export function mayRead(viewer: Viewer, resource: string): boolean {
  return viewer.reads.some((r) => r.resource === resource && r.scope !== 'NONE');
}

export function mayRun(viewer: Viewer, command: string): boolean {
  return viewer.commands.includes(command);
}

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside a signed-in page');
  return viewer;
}
