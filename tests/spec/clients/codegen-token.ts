// Obtains an access token with the client openapi-typescript-codegen generates from
// openapi/openapi.yaml (its fetch client, as generated: no option, no custom request), and
// prints the token's length.
// Usage: tsx codegen-token.ts <base URL> <client id> <client secret>
import { ApiError, AuthenticationService, OpenAPI, TokenRequest } from './codegen/index';

const [base, clientId, clientSecret] = process.argv.slice(2);
OpenAPI.BASE = base;
try {
  const token = await AuthenticationService.getAccessToken({
    grant_type: TokenRequest.grant_type.CLIENT_CREDENTIALS,
    client_id: clientId,
    client_secret: clientSecret,
  });
  console.log(token.access_token.length);
} catch (e) {
  if (e instanceof ApiError) {
    console.error(`HTTP ${e.status}: ${JSON.stringify(e.body)}`);
    process.exit(1);
  }
  throw e;
}
