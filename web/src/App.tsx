import { useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { graphqlClient } from './graphql/client';
import { Layout } from './components/Layout';
import { SignIn } from './session/SignIn';
import { storedToken, storeToken } from './session/token';
import { VIEWER, ViewerContext } from './session/viewer';
import { errorMessage } from './graphql/errors';
import { finishOidcSignIn } from './session/oidc';

/** Signed in when the service accepts the token (`viewer` answers); otherwise the sign-in page, saying why. */
export function App() {
  const [token, setToken] = useState<string | null>(storedToken);
  const [refused, setRefused] = useState<string | null>(null);
  const connection = useMemo(() => (token ? graphqlClient(token) : null), [token]);
  useEffect(() => () => connection?.close(), [connection]);
  useEffect(() => {
    finishOidcSignIn().then(
      (t) => {
        if (!t) return;
        storeToken(t);
        setToken(t);
      },
      (error: Error) => setRefused(`Đăng nhập qua nhà cung cấp định danh không thành công: ${error.message}`),
    );
  }, []);

  const signOut = (reason: string | null = null) => {
    storeToken(null);
    setRefused(reason);
    setToken(null);
  };
  if (!connection) {
    return (
      <SignIn
        refused={refused}
        onToken={(t) => {
          storeToken(t);
          setRefused(null);
          setToken(t);
        }}
      />
    );
  }
  return (
    <Provider value={connection.client}>
      <SignedIn onSignOut={signOut} />
    </Provider>
  );
}

function SignedIn({ onSignOut }: { onSignOut: (reason?: string | null) => void }) {
  const [{ data, error, fetching }] = useQuery({ query: VIEWER });
  useEffect(() => {
    if (error) onSignOut(errorMessage(error));
  }, [error, onSignOut]);
  if (fetching || !data) return <p className="loading">Đang tải…</p>;
  return (
    <ViewerContext.Provider value={data.viewer}>
      <Layout onSignOut={() => onSignOut()} />
    </ViewerContext.Provider>
  );
}
