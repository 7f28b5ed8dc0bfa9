import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';

/**
 * One client per token: queries and mutations over HTTP POST /graphql, subscriptions over graphql-ws on the same
 * path, the token in connectionParams.authorization as the service expects. The document cache is urql's default;
 * pages that must stay current ask with 'cache-and-network' and listen to the subscriptions.
 */
export function graphqlClient(token: string): { client: Client; close: () => void } {
  const authorization = `Bearer ${token}`;
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createWsClient({ url: wsUrl, connectionParams: { authorization }, lazy: true, retryAttempts: 5 });
  const client = new Client({
    url: '/graphql',
    // POST like every other client of the service (Apollo refuses a GET without a preflight header as CSRF).
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization } }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, close: () => void ws.dispose() };
}
