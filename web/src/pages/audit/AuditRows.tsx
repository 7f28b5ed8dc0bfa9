import { useQuery } from 'urql';
import { Status } from '../../components/Status';
import { EVENT_LABELS } from '../../format/events';
import { formatDateTime, formatNumber } from '../../format/vietnamese';
import { graphql } from '../../gql';
import type { AuditTrailFilter, AuditTrailQuery } from '../../gql/graphql';

export const PAGE_SIZE = 50;

export const AUDIT_TRAIL = graphql(`
  query AuditTrail($first: Int!, $after: String, $filter: AuditTrailFilter) {
    auditTrail(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          position
          type
          time
          stream
          streamVersion
          agencyCode
          data
          actor {
            sub
            name
            agency
          }
        }
      }
    }
  }
`);

type AuditEvent = AuditTrailQuery['auditTrail']['edges'][number]['node'];

/** A line a reader can scan: what happened, to which agency, year and criterion, with how many points. */
function summary(event: AuditEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const parts = [EVENT_LABELS[event.type] ?? event.type];
  if (event.agencyCode) parts.push(event.agencyCode);
  if (typeof data.year === 'number') parts.push(`năm ${data.year}`);
  if (typeof data.criterionCode === 'string') parts.push(`tiêu chí ${data.criterionCode}`);
  if (typeof data.round === 'number') parts.push(`vòng ${data.round}`);
  if (typeof data.points === 'number') parts.push(`${formatNumber(data.points)} điểm`);
  if (Array.isArray(data.items)) parts.push(`${data.items.length} tiêu chí`);
  if (Array.isArray(data.scores)) parts.push(`${data.scores.length} tiêu chí`);
  return parts.join(' · ');
}

/**
 * One page of the trail as a <tbody> of the table: each "Xem thêm" adds the page after the last cursor, so the
 * pages already read stay on screen and in urql's cache.
 */
export function AuditRows({
  filter,
  after,
  last,
  onMore,
}: {
  filter: AuditTrailFilter;
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const [{ data, fetching, error }] = useQuery({ query: AUDIT_TRAIL, variables: { first: PAGE_SIZE, after, filter }, requestPolicy: 'network-only' });
  const trail = data?.auditTrail;
  return (
    <tbody>
      {(fetching || error) && !trail && (
        <tr>
          <td colSpan={5}>
            <Status fetching={fetching} error={error} />
          </td>
        </tr>
      )}
      {trail?.edges.map(({ node }) => (
        <tr key={node.position}>
          <td className="num">{formatDateTime(node.time)}</td>
          <td>{EVENT_LABELS[node.type] ?? node.type}</td>
          <td>
            {node.stream} <span className="muted">#{node.streamVersion}</span>
          </td>
          <td>
            {node.actor.name}
            {node.actor.agency ? ` (${node.actor.agency})` : ''}
          </td>
          <td>
            <details>
              <summary>{summary(node)}</summary>
              <pre className="event-data">{JSON.stringify(node.data, null, 2)}</pre>
            </details>
          </td>
        </tr>
      ))}
      {last && trail?.pageInfo.hasNextPage && trail.pageInfo.endCursor && (
        <tr>
          <td colSpan={5}>
            <button type="button" onClick={() => onMore(trail.pageInfo.endCursor!)}>
              Xem thêm
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}
