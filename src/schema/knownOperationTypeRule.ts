import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * For GraphQL over HTTP: refuses an operation whose root type the schema does not have, and a subscription, which
 * is served over WebSocket only (graphql-ws on the same path). graphql-js only finds either at execution, where it
 * surfaces as an internal error; as a validation error it is the client's 400.
 */
export const knownOperationTypeRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(new GraphQLError('subscriptions are served over WebSocket: connect with graphql-ws to the same /graphql path', { nodes: [node] }));
    } else if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`this API has no ${node.operation} operations`, { nodes: [node] }));
    }
  },
});
