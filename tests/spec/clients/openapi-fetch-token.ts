// Obtains an access token with openapi-fetch over the types openapi-typescript generates from
// openapi/openapi.yaml, and prints the token's length. openapi-fetch knows nothing of the
// document at run time: a body is JSON unless the request names another media type, here the
// token endpoint's application/x-www-form-urlencoded, which its default body serializer then
// writes as a form.
// Usage: tsx openapi-fetch-token.ts <base URL> <client id> <client secret>
import createClient from 'openapi-fetch';

import type { paths } from './schema';

const [base, clientId, clientSecret] = process.argv.slice(2);
const client = createClient<paths>({ baseUrl: base });
const { data, error, response } = await client.POST('/authorization/connect/token', {
  body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
});
if (!data) {
  console.error(`HTTP ${response.status}: ${JSON.stringify(error)}`);
  process.exit(1);
}
console.log(data.access_token.length);
