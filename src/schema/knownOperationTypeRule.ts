import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose root type the schema does not have (PAR Ledger has no subscriptions). graphql-js only
 * finds this at execution, where it surfaces as an internal error; as a validation error it is the client's 400.
 */
export const knownOperationTypeRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`this API has no ${node.operation} operations`, { nodes: [node] }));
    }
  },
});
