import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import express, { Router } from 'express';
import type { Config } from '../config';

/** dist/console beside package.json, whether the service runs from src (tests) or from dist/src (npm start). */
function defaultConsoleDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'console');
}

/** Paths the service answers itself; every other GET that asks for a page gets the console's index.html. */
const API_PATHS = /^\/(graphql|exports|imports|health)(\/|$)/;

/**
 * The web console, built by `npm run build:console` (web/), served by the service itself: its files, the
 * console's settings (/console-config.json: the OIDC provider, when one is configured), and index.html for the
 * console's own addresses (/xep-hang, /bang-diem, …) so a bookmark or a reload opens the right page.
 */
export function consoleRoutes(config: Config): Router {
  const dir = resolve(config.PAR_CONSOLE_DIR ?? defaultConsoleDir());
  const index = join(dir, 'index.html');
  const router = Router();
  router.get('/console-config.json', (_req, res) => {
    const oidc =
      config.PAR_OIDC_CLIENT_ID && config.PAR_JWT_ISSUER
        ? { authority: config.PAR_JWT_ISSUER, clientId: config.PAR_OIDC_CLIENT_ID, scope: config.PAR_OIDC_SCOPE }
        : null;
    res.json({ oidc });
  });
  // Hashed asset names never change content: a year's cache; index.html is revalidated on every visit.
  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  router.use(express.static(dir, { index: false }));
  router.get(/.*/, (req, res, next) => {
    if (API_PATHS.test(req.path) || !req.accepts('html')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(`Bảng điều khiển chưa được dựng: chạy "npm run build" (the console is not built: run "npm run build"; looked in ${dir})`);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
