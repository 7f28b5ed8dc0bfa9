// The token lives for the browser tab only (sessionStorage): a shared office computer forgets it when closed.
const KEY = 'par-ledger.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

/** "Bearer …" whether the officer pasted the header's value or the bare token. */
export function bareToken(pasted: string): string {
  return pasted.trim().replace(/^Bearer\s+/i, '');
}
