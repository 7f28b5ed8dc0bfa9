import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { parAuthChecker } from '../auth/authChecker';
import { AgencyResolver } from '../resolvers/agencyResolver';
import { AgencyHistoryResolver } from '../resolvers/agencyHistoryResolver';
import { LineageResolver } from '../resolvers/lineageResolver';
import { ProposalResolver } from '../resolvers/proposalResolver';
import { CommendationResolver } from '../resolvers/commendationResolver';
import { AnalysisResolver } from '../resolvers/analysisResolver';
import { WorkloadResolver } from '../resolvers/workloadResolver';
import { AssignmentResolver } from '../resolvers/assignmentResolver';
import { ProvincialIndexResolver } from '../resolvers/provincialIndexResolver';
import { TrendResolver } from '../resolvers/trendResolver';
import { AssessmentResolver } from '../resolvers/assessmentResolver';
import { AppraisalResolver, CriterionScoreResolver } from '../resolvers/criterionScoreResolver';
import { AuditTrailResolver } from '../resolvers/auditTrailResolver';
import { CycleResolver } from '../resolvers/cycleResolver';
import { FrameworkResolver } from '../resolvers/frameworkResolver';
import { OperationsResolver } from '../resolvers/operationsResolver';
import { RankingResolver } from '../resolvers/rankingResolver';
import { ResponsibilityResolver } from '../resolvers/responsibilityResolver';
import { SurveyResolver } from '../resolvers/surveyResolver';
import { PlanResolver } from '../resolvers/planResolver';
import { ReportingResolver } from '../resolvers/reportingResolver';
import { InspectionResolver } from '../resolvers/inspectionResolver';
import { ViewerResolver } from '../resolvers/viewerResolver';
import { SubscriptionResolver } from '../resolvers/subscriptionResolver';
import { DateTimeScalar } from './scalars';

export function buildParSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      AgencyResolver,
      AgencyHistoryResolver,
      LineageResolver,
      ProposalResolver,
      CommendationResolver,
      FrameworkResolver,
      CycleResolver,
      AssessmentResolver,
      CriterionScoreResolver,
      AppraisalResolver,
      RankingResolver,
      AuditTrailResolver,
      ResponsibilityResolver,
      OperationsResolver,
      SurveyResolver,
      PlanResolver,
      ReportingResolver,
      InspectionResolver,
      AnalysisResolver,
      WorkloadResolver,
      AssignmentResolver,
      ProvincialIndexResolver,
      TrendResolver,
      ViewerResolver,
      SubscriptionResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // type-graphql 2 does not validate by default; without this, class-validator limits would be ignored.
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
    // Every query names its resource in @Authorized; who reads which resource is src/auth/readScopes.ts.
    authChecker: parAuthChecker,
    // type-graphql wants a PubSub as soon as there is a @Subscription, even when every one brings its own
    // `subscribe` (they read the change feed, src/subscriptions/changeFeed.ts): this one is never used.
    pubSub: {
      publish: () => {},
      subscribe: () => {
        throw new Error('PAR Ledger subscriptions have their own subscribe functions: nothing publishes by topic');
      },
    },
  });
}
