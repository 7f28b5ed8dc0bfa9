import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { endOfVietnamDay } from '../../../../src/domain/calendarDate';
import { errorMessage } from '../../graphql/errors';
import { formatNumber } from '../../format/vietnamese';
import { graphql } from '../../gql';
import type { Questionable } from './appraisalQueue';

const REQUEST_EXPLANATION = graphql(`
  mutation RequestExplanation($input: RequestExplanationInput!) {
    requestExplanation(input: $input) {
      agency {
        code
      }
      version
    }
  }
`);

/**
 * After round 1, the appraiser may ask the agency to explain a leaf before round 2. The due day is a calendar day:
 * the agency has until the end of that day in Vietnam, whatever the appraiser's own clock says.
 */
export function ExplanationRequestForm({ item, year, onDone }: { item: Questionable; year: number; onDone: (message: string) => void }) {
  const id = useId();
  const [question, setQuestion] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(REQUEST_EXPLANATION);
  const { leaf } = item;
  const round1 = leaf.appraisals.find((a) => a.round === 1);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!question.trim()) return setProblem(`Tiêu chí ${leaf.code}: hãy nhập nội dung cần giải trình`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) return setProblem(`Tiêu chí ${leaf.code}: hãy chọn hạn giải trình`);
    const input = { year, agencyCode: item.agencyCode, criterionCode: leaf.code, question: question.trim(), dueAt: endOfVietnamDay(due).toISOString() };
    const result = await request({ input });
    if (result.error) return setProblem(errorMessage(result.error));
    onDone(`Đã yêu cầu ${item.agencyName} giải trình tiêu chí ${leaf.code}`);
  };

  return (
    <details className="leaf">
      <summary>
        {item.agencyName}: {leaf.code} {leaf.title} (vòng 1: {formatNumber(round1?.points)} / {formatNumber(leaf.maxPoints)})
      </summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="leaf-inputs">
        <span className="field wide">
          <label htmlFor={`${id}-q`}>Nội dung cần giải trình</label>
          <textarea id={`${id}-q`} value={question} maxLength={2000} rows={2} onChange={(e) => setQuestion(e.target.value)} />
        </span>
        <span className="field">
          <label htmlFor={`${id}-due`}>Hạn giải trình</label>
          <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </span>
        <button type="submit" disabled={fetching}>
          Yêu cầu giải trình
        </button>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
      </form>
    </details>
  );
}
