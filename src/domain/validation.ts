import { badInput } from './errors';

/** Agency and framework codes: short, stable, safe in stream ids and URLs. */
const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/;
/** Criterion codes as printed in criteria sets: "1", "1.2", "7.3.1". */
const CRITERION_CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

export function isCode(value: string): boolean {
  return CODE.test(value);
}

export function requireCode(field: string, value: string): string {
  if (!isCode(value)) {
    throw badInput(field, `"${value}" is not a valid code (1–40 of A–Z, 0–9, "_", "-", ".", starting with a letter or digit)`);
  }
  return value;
}

export function requireCriterionCode(field: string, value: string): string {
  if (!CRITERION_CODE.test(value)) throw badInput(field, `"${value}" is not a valid criterion code (like "1.2.3")`);
  return value;
}

export function requireText(field: string, value: string, maxLength = 500): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, 'must not be empty');
  if (trimmed.length > maxLength) throw badInput(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, maxLength = 4000): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > maxLength) throw badInput(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

export function requireYear(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 2000 || value > 2100) throw badInput(field, `${value} is not a year between 2000 and 2100`);
  return value;
}
