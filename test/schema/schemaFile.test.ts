import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchema } from '../../src/cli/printSchema';

describe('schema.graphql', () => {
  it('is checked in and matches the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const checkedIn = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(checkedIn).toBe(await renderSchema());
  });

  it('names the contract of the issue: input types, enums, scalars', async () => {
    const text = await renderSchema();
    for (const name of [
      'input RegisterAgencyInput',
      'input PublishFrameworkInput',
      'input OpenAssessmentCycleInput',
      'input SubmitSelfAssessmentInput',
      'input AppraiseCriterionInput',
      'input RecordSurveyScoresInput',
      'input FinalizeAssessmentInput',
      'input PublishRankingInput',
      'enum AgencyGroup',
      'enum ScoringMethod',
      'scalar DateTime',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/auditTrail\([^)]*first: Int[^)]*\): AuditEventConnection!/s);
  });
});
