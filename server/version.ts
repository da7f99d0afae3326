// The running version, from package.json.
import fs from 'node:fs';
import path from 'node:path';

export const VERSION: string = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')).version;
