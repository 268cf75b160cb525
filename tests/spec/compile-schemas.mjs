// Compiles every schema of openapi/openapi.yaml's components with Ajv in strict mode, as the
// request and response validators built on Ajv do, and validates every example of a request or
// response body against its schema. Ajv reads OpenAPI 3.0's `nullable` itself and refuses it
// beside a schema without `type`.
// Usage: node compile-schemas.mjs <openapi.yaml>
import { readFileSync } from 'node:fs';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';

const file = process.argv[2];
const doc = yaml.load(readFileSync(file, 'utf8'));

const ajv = new Ajv({ strict: true, allErrors: true, discriminator: true });
addFormats(ajv);
// OpenAPI's own annotations of a Schema Object, which JSON Schema does not define.
ajv.addKeyword({ keyword: 'example', schemaType: ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] });
ajv.addKeyword({ keyword: 'externalDocs', schemaType: 'object' });
ajv.addKeyword({ keyword: 'xml', schemaType: 'object' });
// The formats of the OpenAPI Format Registry that ajv-formats has no check for.
ajv.addFormat('binary', true);

// The component schemas as the definitions of one schema, and their references rewritten to
// match: '#/components/schemas/X' is 'openapi.yaml#/$defs/X'.
const id = 'openapi.yaml';
const rebase = (node) => {
  if (Array.isArray(node)) return node.map(rebase);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === '$ref' && typeof v === 'string'
          ? v.replace(/^#\/components\/schemas\//, `${id}#/$defs/`)
          : rebase(v);
    }
    return out;
  }
  return node;
};
ajv.addSchema({ $id: id, $defs: rebase(doc.components.schemas) });

let failures = 0;
const fail = (where, message) => {
  failures += 1;
  console.error(`${file}: ${where}: ${message}`);
};

for (const name of Object.keys(doc.components.schemas)) {
  try {
    ajv.getSchema(`${id}#/$defs/${name}`) ??
      fail(`#/components/schemas/${name}`, 'not found');
  } catch (e) {
    fail(`#/components/schemas/${name}`, e.message);
  }
}

// A `$ref` to a component of the document, as the compiled schema it names.
const resolve = (node) => {
  let n = node;
  while (n && n.$ref) {
    const path = n.$ref.replace(/^#\//, '').split('/');
    n = path.reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return n;
};
let inline = 0;
const validatorOf = (schema, where) => {
  try {
    inline += 1;
    return ajv.compile({ $id: `inline-${inline}`, ...rebase(schema) });
  } catch (e) {
    fail(where, e.message);
    return null;
  }
};

const checkContent = (content, where) => {
  for (const [media, m] of Object.entries(content ?? {})) {
    const at = `${where}/content/${media}`;
    if (!m.schema) continue;
    const examples = [];
    if (m.example !== undefined) examples.push(['example', m.example]);
    for (const [k, e] of Object.entries(m.examples ?? {})) examples.push([`examples/${k}`, resolve(e).value]);
    if (!examples.length) continue;
    const validate = validatorOf(m.schema, at);
    if (!validate) continue;
    for (const [k, value] of examples) {
      if (!validate(value)) fail(`${at}/${k}`, ajv.errorsText(validate.errors));
    }
  }
};

for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!op || typeof op !== 'object' || !op.responses) continue;
    const where = `#/paths/${path}/${method}`;
    if (op.requestBody) checkContent(resolve(op.requestBody).content, `${where}/requestBody`);
    for (const [status, r] of Object.entries(op.responses)) {
      checkContent(resolve(r).content, `${where}/responses/${status}`);
    }
  }
}

if (failures) {
  console.error(`${failures} problem(s)`);
  process.exit(1);
}
console.log(`${file}: ${Object.keys(doc.components.schemas).length} schemas compile; every body example is valid`);
