import { Fragment } from 'react';
import { formatDate, formatDateTime, formatNumber, HEADERS } from '../../format/vietnamese';
import { graphql } from '../../gql';
import type { ScorecardLeafFragment, ScorecardNodeFragment } from '../../gql/graphql';

graphql(`
  fragment ScorecardNode on AssessmentNode {
    code
    title
    kind
    maxPoints
    applicableMaxPoints
    selfPoints
    appraisedPoints
    points
    unscoredLeaves
  }
`);

graphql(`
  fragment ScorecardLeaf on CriterionScore {
    code
    method
    selfPoints
    appraisedPoints
    surveyPoints
    finalPoints
    applicable
    notApplicableClaim
    explanation
    evidence
    appraiser {
      name
    }
    appraisals {
      round
      points
      applicable
      comment
      appraisedAt
    }
    explanationRequests {
      question
      dueAt
      requestedAt
      answeredAt
      text
      evidence
      revisedPoints
    }
  }
`);

/** A node as the page queries it: children nest as deep as the query asks (areas → four levels below). */
type TreeNode = ScorecardNodeFragment & { children?: TreeNode[] };

interface Row {
  node: TreeNode;
  depth: number;
}

function flatten(nodes: TreeNode[], depth = 0): Row[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children ?? [], depth + 1)]);
}

const CLAIM_LABELS: Record<string, string> = {
  PENDING: 'Đơn vị đề nghị không áp dụng (chờ thẩm định)',
  CONFIRMED: 'Không áp dụng (đã xác nhận)',
  REJECTED: 'Đề nghị không áp dụng bị bác',
};

/**
 * The criteria tree as an indented table: areas bold, every level with its sub-totals, and under each leaf what
 * stands behind its figures (evidence, explanation, appraisal rounds, explanation requests) folded in a <details>.
 */
export function CriteriaTable({ tree, criteria }: { tree: TreeNode[]; criteria: ScorecardLeafFragment[] }) {
  const leafOf = new Map(criteria.map((c) => [c.code, c]));
  return (
    <div className="table-scroll">
      <table className="data criteria">
        <caption className="visually-hidden">Bảng điểm theo tiêu chí</caption>
        <thead>
          <tr>
            <th scope="col">{HEADERS.criterionTitle}</th>
            <th scope="col" className="num">
              Tối đa
            </th>
            <th scope="col" className="num">
              Tự chấm
            </th>
            <th scope="col" className="num">
              Thẩm định
            </th>
            <th scope="col" className="num">
              Điều tra XHH
            </th>
            <th scope="col" className="num">
              Điểm cuối cùng
            </th>
          </tr>
        </thead>
        <tbody>
          {flatten(tree).map(({ node, depth }) => {
            const leaf = node.kind === 'LEAF' ? leafOf.get(node.code) : undefined;
            return (
              <tr key={node.code} className={node.kind === 'AREA' ? 'area-row' : undefined} data-code={node.code}>
                <th scope="row" style={{ paddingLeft: 8 + depth * 20 }}>
                  {node.code}. {node.title}
                  {leaf && <LeafDetails leaf={leaf} />}
                </th>
                <td className="num">{formatNumber(node.applicableMaxPoints)}</td>
                <td className="num">{leaf ? formatNumber(leaf.selfPoints) : formatNumber(node.selfPoints)}</td>
                <td className="num">{leaf ? formatNumber(leaf.appraisedPoints) : formatNumber(node.appraisedPoints)}</td>
                <td className="num">{leaf ? formatNumber(leaf.surveyPoints) : ''}</td>
                <td className="num">{leaf ? formatNumber(leaf.finalPoints) : formatNumber(node.points)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function LeafDetails({ leaf }: { leaf: ScorecardLeafFragment }) {
  const hasAnything =
    leaf.evidence.length > 0 || leaf.explanation || leaf.appraisals.length > 0 || leaf.explanationRequests.length > 0 || leaf.notApplicableClaim;
  if (!hasAnything) return null;
  return (
    <details className="leaf-details">
      <summary>Hồ sơ, giải trình và thẩm định</summary>
      {leaf.notApplicableClaim && <p>{CLAIM_LABELS[leaf.notApplicableClaim]}</p>}
      {leaf.evidence.length > 0 && (
        <>
          <h3>{HEADERS.evidence}</h3>
          <ul>
            {leaf.evidence.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </>
      )}
      {leaf.explanation && (
        <>
          <h3>{HEADERS.explanation}</h3>
          <p>{leaf.explanation}</p>
        </>
      )}
      {leaf.appraisals.length > 0 && (
        <>
          <h3>{HEADERS.appraisalComments}</h3>
          <ul>
            {leaf.appraisals.map((a) => (
              <li key={a.round}>
                Vòng {a.round} ({formatDateTime(a.appraisedAt)}
                {leaf.appraiser ? `, ${leaf.appraiser.name}` : ''}): {a.applicable ? `${formatNumber(a.points)} điểm` : 'không áp dụng'}
                {a.comment ? ` — ${a.comment}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {leaf.explanationRequests.length > 0 && (
        <>
          <h3>Yêu cầu giải trình</h3>
          <ul>
            {leaf.explanationRequests.map((r) => (
              <li key={r.requestedAt}>
                Hỏi ngày {formatDate(r.requestedAt)} (hạn {formatDateTime(r.dueAt)}): {r.question}
                {r.answeredAt ? (
                  <Fragment>
                    <br />
                    Trả lời ngày {formatDate(r.answeredAt)}: {r.text}
                    {r.revisedPoints !== null && r.revisedPoints !== undefined && ` (đề nghị ${formatNumber(r.revisedPoints)} điểm)`}
                    {r.evidence.length > 0 && ` — ${r.evidence.join('; ')}`}
                  </Fragment>
                ) : (
                  ' — chưa trả lời'
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
