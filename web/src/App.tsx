import { useEffect, useMemo, useRef, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { useNavigate } from 'react-router';
import { graphqlClient } from './graphql/client';
import { Layout } from './components/Layout';
import { SignIn } from './session/SignIn';
import { storedToken, storeToken } from './session/token';
import { VIEWER, ViewerContext } from './session/viewer';
import { errorMessage } from './graphql/errors';
import { finishOidcSignIn, isOidcReturn } from './session/oidc';

/** Signed in when the service accepts the token (`viewer` answers); otherwise the sign-in page, saying why. */
export function App() {
  const [token, setToken] = useState<string | null>(storedToken);
  const [refused, setRefused] = useState<string | null>(null);
  const connection = useMemo(() => (token ? graphqlClient(token) : null), [token]);
  useEffect(() => () => connection?.close(), [connection]);
  const [finishing, setFinishing] = useState(isOidcReturn);
  const navigate = useNavigate();
  // Once: `navigate` changes with every page, and the provider's answer must not send the officer back later.
  const answered = useRef(false);
  useEffect(() => {
    if (answered.current) return;
    answered.current = true;
    finishOidcSignIn().then(
      (signedIn) => {
        setFinishing(false);
        if (!signedIn) return;
        storeToken(signedIn.token);
        setRefused(null);
        setToken(signedIn.token);
        // Off /dang-nhap?code=…: a reload or a bookmark must not replay a code already redeemed.
        void navigate(signedIn.returnTo, { replace: true });
      },
      (error: Error) => {
        setFinishing(false);
        setRefused(`Đăng nhập qua nhà cung cấp định danh không thành công: ${error.message}`);
        void navigate('/', { replace: true });
      },
    );
  }, [navigate]);

  const signOut = (reason: string | null = null) => {
    storeToken(null);
    setRefused(reason);
    setToken(null);
  };
  if (finishing) return <p className="loading">Đang đăng nhập…</p>;
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
