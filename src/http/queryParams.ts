import type { Request } from 'express';
import { badInput } from '../domain/errors';
import { requireYear } from '../domain/validation';

/** A query parameter given once and not blank, else BAD_USER_INPUT naming it. */
export function param(req: Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || value.trim() === '') throw badInput(name, 'is required, once (e.g. ?year=2024)');
  return value.trim();
}

export function yearParam(req: Request, name = 'year'): number {
  const text = param(req, name);
  if (!/^\d{4}$/.test(text)) throw badInput(name, `"${text}" is not a year`);
  return requireYear(name, Number(text));
}

/** A query parameter that may be left out (null then), given at most once. */
export function optionalParam(req: Request, name: string): string | null {
  return req.query[name] === undefined || req.query[name] === '' ? null : param(req, name);
}

export const optionalYearParam = (req: Request, name: string) => (optionalParam(req, name) === null ? null : yearParam(req, name));
