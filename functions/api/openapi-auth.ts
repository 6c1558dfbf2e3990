import * as z from 'zod/mini';
import type { Operation } from './openapi';
import * as S from './schemas';

// The operations of sign-in, sessions, users, API keys and report viewer links, for the API description
// (openapi.ts appends them to its list). Response shapes are described here, where only the description needs them.

const AUTH = [401, 403, 404];

const SessionSchema = z.object({
  signedIn: z.boolean(),
  kind: z.optional(z.enum(['user', 'viewer'])),
  user: z.optional(
    z.nullable(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.nullable(z.string()),
        role: z.string(),
        orgIds: z.array(z.string()),
      }),
    ),
  ),
  campaignId: z.optional(z.nullable(z.string())),
  actions: z.optional(z.array(z.string())),
  csrfToken: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
  sso: z.optional(z.nullable(z.object({ label: z.string(), url: z.string() }))),
});

const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  role: z.enum(['admin', 'consultant', 'executive']),
  orgIds: z.array(z.string()),
  createdAt: z.string(),
  revokedAt: z.nullable(z.string()),
});

const KeySchema = z.object({
  id: z.string(),
  label: z.nullable(z.string()),
  role: z.string(),
  orgIds: z.array(z.string()),
  campaignId: z.nullable(z.string()),
  readOnly: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedOn: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  active: z.boolean(),
});

const ViewerLinkSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedOn: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  active: z.boolean(),
});

const ContactsChangeSchema = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  byRole: z.string(),
  byEmail: z.nullable(z.string()),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  count: z.number(),
});

/** `access` is filled in from the policy table for the protected ones (openapi.ts). */
export const AUTH_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/auth/session',
    summary: 'The session of this browser (who, what it may do, the CSRF token its changes must send), if any',
    access: 'anyone',
    ok: { status: 200, schema: SessionSchema, description: 'Session, or signedIn: false' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/auth/sign-in',
    summary: 'Mail a single-use sign-in link to the address if it has an account (the answer is the same either way)',
    access: 'anyone',
    body: S.SignInBody,
    ok: { status: 202, description: 'Accepted' },
    errors: [400, 403, 413, 415],
  },
  {
    method: 'post',
    path: '/api/v1/auth/session',
    summary: 'Exchange a mailed sign-in code for a session cookie (the code is used up)',
    access: 'anyone',
    body: S.CodeBody,
    ok: { status: 200, schema: SessionSchema, description: 'Signed in; the cookie is set' },
    errors: [400, 401, 403, 413, 415, 429],
  },
  {
    method: 'delete',
    path: '/api/v1/auth/session',
    summary: "Sign out: the browser's sessions are deleted on the server and their cookies cleared",
    access: 'anyone',
    ok: { status: 204, description: 'Signed out' },
    errors: [403],
  },
  {
    method: 'post',
    path: '/api/v1/auth/viewer',
    summary: "Exchange a report viewer link's code for a read-only session of that campaign's report",
    access: 'anyone',
    body: S.CodeBody,
    ok: { status: 200, schema: SessionSchema, description: 'Viewer session; the cookie is set' },
    errors: [400, 401, 403, 413, 415, 429],
  },
  {
    method: 'get',
    path: '/api/v1/auth/oidc/start',
    summary: "Sign in through the deployment's identity provider (OpenID Connect): redirects there",
    access: 'anyone',
    ok: { status: 302, description: 'Redirect to the identity provider' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/auth/oidc/callback',
    summary: "The identity provider's answer: opens a session for an address that has an account",
    access: 'anyone',
    ok: { status: 302, description: 'Redirect to the dashboard, or to the sign-in page with an error' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/tokens',
    summary: 'The API keys the caller created, with expiry and the day each was last used',
    access: '',
    ok: { status: 200, schema: z.object({ keys: z.array(KeySchema) }), description: 'Keys' },
    errors: [...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/users',
    summary: 'The users the caller may manage',
    access: '',
    ok: { status: 200, schema: z.object({ users: z.array(UserSchema) }), description: 'Users' },
    errors: [...AUTH],
  },
  {
    method: 'post',
    path: '/api/v1/users',
    summary: 'Create a user (e-mail, role, organisations); they sign in with a link mailed to that address',
    access: '',
    body: S.CreateUserBody,
    ok: { status: 201, schema: UserSchema, description: 'Created' },
    errors: [400, ...AUTH, 409, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/v1/users/:userId',
    summary: 'Revoke a user: its sessions and own keys stop working at once',
    access: '',
    params: S.UserParams,
    ok: { status: 204, description: 'Revoked' },
    errors: [400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/orgs/:orgId/contacts/changes',
    summary: 'The audit log of changes to the executive contacts: who, when, which addresses came and went',
    access: '',
    params: S.OrgParams,
    ok: {
      status: 200,
      schema: z.object({ orgId: z.string(), changes: z.array(ContactsChangeSchema) }),
      description: 'Changes, oldest first',
    },
    errors: [400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/viewer-links',
    summary: "The campaign's report viewer links (mailed at the close, or made by hand), with expiry and last use",
    access: '',
    params: S.CampaignParams,
    ok: {
      status: 200,
      schema: z.object({ campaignId: z.string(), links: z.array(ViewerLinkSchema) }),
      description: 'Links',
    },
    errors: [400, ...AUTH],
  },
  {
    method: 'post',
    path: '/api/v1/campaigns/:campaignId/viewer-links',
    summary: "Make a report viewer link: read-only, this campaign's report only, expiring (shown once)",
    access: '',
    params: S.CampaignParams,
    body: S.CreateViewerLinkBody,
    ok: {
      status: 201,
      schema: z.object({ campaignId: z.string(), id: z.string(), url: z.string(), expiresAt: z.string() }),
      description: 'Created',
    },
    errors: [400, ...AUTH, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/v1/campaigns/:campaignId/viewer-links/:linkId',
    summary: 'Revoke a report viewer link: its sessions end on their next request',
    access: '',
    params: S.ViewerLinkParams,
    ok: { status: 204, description: 'Revoked' },
    errors: [400, ...AUTH],
  },
];
