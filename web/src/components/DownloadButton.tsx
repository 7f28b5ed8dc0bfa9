import { useState } from 'react';
import { authorizedFetch } from '../session/authorizedFetch';

/**
 * A file the service makes for the signed-in reader (/exports/…): fetched with the token, since a plain link
 * would carry none, then handed to the browser to save under the name the service gives.
 */
export function DownloadButton({ path, label }: { path: string; label: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setProblem(null);
    const response = await authorizedFetch(path);
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
      setProblem(`Không tải được tệp: ${body?.errors?.[0]?.message ?? response.statusText}`);
      return;
    }
    // The Vietnamese name (filename*, RFC 6266) before the ASCII one the service adds for old clients.
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name ? decodeURIComponent(name) : 'par-ledger.xlsx';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <button type="button" onClick={() => void download()}>
        {label}
      </button>
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </>
  );
}
