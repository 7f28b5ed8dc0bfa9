import { useEffect, useId, useState, type FormEvent } from 'react';
import { bareToken } from './token';
import { oidcConfigured, startOidcSignIn } from './oidc';

/** Sign-in: paste a token (`npm run token`, or one from the province's identity provider), or the OIDC flow. */
export function SignIn({ refused, onToken }: { refused: string | null; onToken: (token: string) => void }) {
  const [pasted, setPasted] = useState('');
  const [oidc, setOidc] = useState(false);
  const [unreachable, setUnreachable] = useState<string | null>(null);
  const fieldId = useId();
  useEffect(() => {
    void oidcConfigured().then(setOidc);
  }, []);
  // Back to the page asked for (a bookmark of /tu-danh-gia) once the provider has signed the officer in.
  const signInWithProvider = () => {
    setUnreachable(null);
    startOidcSignIn(location.pathname + location.search).catch((error: Error) => setUnreachable(`Không kết nối được nhà cung cấp định danh: ${error.message}`));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = bareToken(pasted);
    if (token) onToken(token);
  };
  return (
    <main className="sign-in" id="noi-dung">
      <h1>PAR Ledger</h1>
      <p className="subtitle">Chỉ số cải cách hành chính tỉnh Quảng Nam</p>
      {refused && (
        <p role="alert" className="error">
          {refused}
        </p>
      )}
      {unreachable && (
        <p role="alert" className="error">
          {unreachable}
        </p>
      )}
      {oidc && (
        <p>
          <button type="button" className="primary" onClick={signInWithProvider}>
            Đăng nhập bằng tài khoản của tỉnh
          </button>
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor={fieldId}>Mã đăng nhập (token)</label>
        <textarea
          id={fieldId}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          placeholder="Dán mã đăng nhập do quản trị viên cấp (Bearer …)"
          required
        />
        <button type="submit" className="primary">
          Đăng nhập
        </button>
      </form>
    </main>
  );
}
