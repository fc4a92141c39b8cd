// A real OpenID Connect provider on loopback for the single sign-on tests: panva's
// oidc-provider (a certified implementation) with one confidential client, its discovery
// document, freshly generated signing keys and the authorization code flow with PKCE (S256)
// required. Its development sign-in page takes any login: the login names the account.
//
//   node tests/oidc/provider.mjs '<json>'
//
// The JSON: {"port": 0, "client_id": ..., "client_secret": ..., "redirect_uris": [...],
// "accounts": {"<login>": {claims...}}}. It prints one line, {"issuer": ...}, once it
// listens on 127.0.0.1, and stops when its standard input closes (so it never outlives
// the test run that started it). Claims other than sub (tid, oid, groups, e-mail, names)
// are put in the ID token, as Microsoft Entra ID does.

import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";

import Provider from "oidc-provider";

const options = JSON.parse(process.argv[2]);
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "test-key" };

const EXTRA_CLAIMS = ["tid", "oid", "groups", "_claim_names"];

const configuration = {
  clients: [
    {
      client_id: options.client_id,
      client_secret: options.client_secret,
      redirect_uris: options.redirect_uris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: "RS256",
    },
  ],
  jwks: { keys: [signingKey] },
  pkce: { required: () => true },
  claims: {
    openid: ["sub", ...EXTRA_CLAIMS],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name", "preferred_username"],
  },
  // Scope claims go into the ID token too (Entra puts them there).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["test-cookie-key-for-the-loopback-provider"] },
  async findAccount(ctx, accountId) {
    const claims = options.accounts[accountId];
    if (!claims) return undefined;
    return {
      accountId,
      async claims() {
        return { sub: accountId, ...claims };
      },
    };
  },
  // The portal is a first-party application: consent is given by the council's
  // administrator, so no consent page (as in Entra with admin consent).
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
};

// The issuer is known once the port is: bind first, then create the provider on it.
const server = createServer();
await new Promise((resolve) => server.listen(options.port || 0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const provider = new Provider(issuer, configuration);
server.on("request", provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

process.stdin.resume();
process.stdin.on("end", () => {
  server.close();
  process.exit(0);
});
