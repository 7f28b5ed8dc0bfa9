import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { buildParSchema } from '../schema/buildParSchema';

/** Writes schema.graphql at the repository root, the file frontend teams generate clients from. */
export async function renderSchema(): Promise<string> {
  return `${printSchema(await buildParSchema())}\n`;
}

if (require.main === module) {
  renderSchema()
    .then((text) => {
      const file = join(__dirname, '..', '..', 'schema.graphql');
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
