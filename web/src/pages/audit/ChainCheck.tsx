import { useQuery } from 'urql';
import { Status } from '../../components/Status';
import { formatNumber } from '../../format/vietnamese';
import { graphql } from '../../gql';

const LOG_VERIFICATION = graphql(`
  query LogVerification {
    logVerification {
      checked
      headHash
      incremental
      firstBreak {
        position
        reason
      }
    }
  }
`);

/** Runs the service's hash-chain check on demand (it reads the log, so not on every visit of the page). */
export function ChainCheck() {
  const [{ data, fetching, error }, run] = useQuery({ query: LOG_VERIFICATION, pause: true, requestPolicy: 'network-only' });
  const result = data?.logVerification;
  return (
    <div className="chain-check">
      <button type="button" onClick={() => run({ requestPolicy: 'network-only' })} disabled={fetching}>
        Kiểm tra chuỗi băm
      </button>
      <Status fetching={fetching} error={error} />
      {result && !fetching && (
        <p role="status" className={result.firstBreak ? 'error' : 'success'}>
          {result.firstBreak ? `Chuỗi băm bị phá vỡ tại sự kiện số ${result.firstBreak.position}: ${result.firstBreak.reason}. ` : 'Chuỗi băm toàn vẹn. '}
          Đã kiểm tra {formatNumber(result.checked)} sự kiện{result.incremental ? ' (tiếp nối lần kiểm tra trước)' : ''}; mã băm cuối:{' '}
          <code className="hash">{result.headHash}</code>
        </p>
      )}
    </div>
  );
}
