import { storedToken } from './token';

/** fetch with the signed-in token, for what is not GraphQL: the Excel files and their uploads. */
export function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = storedToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(path, { ...init, headers });
}
