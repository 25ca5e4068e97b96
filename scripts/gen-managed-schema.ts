/** `npm run gen:managed-schema`: rewrites public/managed_schema.json from the policy's zod schemas. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { managedSchemaText } from '../lib/settings/managed-schema';

const file = resolve(import.meta.dirname, '../public/managed_schema.json');
writeFileSync(file, managedSchemaText());
console.log(`wrote ${file}`);
