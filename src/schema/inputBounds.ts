import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { METHODOLOGY_CHARS } from '../domain/framework/frameworkInput';

/**
 * The size of every input the API takes, in one place. Whatever passes is written into the immutable log,
 * so each string, list and nested object needs a limit a real user never reaches and an attacker cannot abuse.
 */
export const INPUT_BOUNDS = {
  /** Client command ids (idempotency keys): a UUID, "open-2026", "tamky:submit:3". */
  commandIdChars: 128,
  /** Agency, framework and criterion codes (the domain's code rule also stops at 40). */
  codeChars: 40,
  /** Agency names, framework, area and criterion titles. */
  nameChars: 300,
  /** Explanations (giải trình), appraisal comments, republication reasons. */
  textChars: 2000,
  /** A framework's methodology, a paragraph (the domain's rule). */
  methodologyChars: METHODOLOGY_CHARS,
  /** A rating band's label, e.g. "Xuất sắc". */
  labelChars: 100,
  /** A decision's number, e.g. "123/QĐ-UBND". */
  decisionNumberChars: 100,
  /** Evidence references (tài liệu kiểm chứng) per criterion, and the length of each. */
  evidenceItems: 50,
  evidenceChars: 1000,
  /** Leaves of the largest framework: bounds score lists, which name at most every leaf once. */
  frameworkLeaves: 500,
  /** Every criterion of a framework, inner ones included. */
  frameworkCriteria: 1000,
  /** Areas of a framework, criteria of one area, children of one criterion. */
  frameworkAreas: 30,
  criteriaPerParent: 100,
  /** Criterion levels below an area: 1 → 1.1 → 1.1.1 → 1.1.1.1. */
  criteriaDepth: 4,
  /** Frameworks named by a cycle: one per agency group. */
  cycleFrameworks: 10,
  bands: 10,
  /** Tasks of a PAR plan or of one amendment of it. */
  planTasks: 300,
  /** Agencies a cycle may list explicitly. */
  cycleAgencies: 1000,
  /** Lines of an imported ranking: a merged province's communes and wards fit with room to spare. */
  importedEntries: 5000,
  /** Audit-trail filter: stream ids, event types, actor ids; projection names. */
  streamIdChars: 200,
  eventTypeChars: 64,
  actorChars: 200,
  projectionNameChars: 64,
  /** An `after` cursor of auditTrail (base64 of "position:<n>"). */
  cursorChars: 100,
  /** Nesting of a request's variables (JSON levels): deep enough for the deepest framework, shallow enough to walk. */
  variableDepth: 32,
} as const;

/** Safe in logs, URLs and stream metadata: letters, digits and . _ : - */
export const COMMAND_ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

// Decorators with messages that read well after the field name: "scores[0].evidence: must have at most 50 items".
export const MaxChars = (n: number) => MaxLength(n, { message: `must be at most ${n} characters` });
export const MaxCharsEach = (n: number) => MaxLength(n, { each: true, message: `each item must be at most ${n} characters` });
export const MaxItems = (n: number) => ArrayMaxSize(n, { message: `must have at most ${n} items` });
/** Nested input objects are only checked when the parent says so (class-validator's rule). */
export const Nested = () => ValidateNested();
