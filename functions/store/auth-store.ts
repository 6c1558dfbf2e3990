import type { TokenRecord } from './store';

// The storage port of sign-in, sessions, users, API keys and report viewer links, in domain words. Every secret
// (sign-in code, session cookie, viewer code, API key) is stored only as its SHA-256 hash. `dynamo-auth-store.ts`
// is the adapter; the main store exposes it as `store.auth`.

/** The roles a person can hold (a report viewer is a link, not a person). */
export type AccountRole = 'admin' | 'consultant' | 'executive';

/** A person who signs in: by e-mail link, or through the deployment's identity provider (OIDC). */
export interface UserRecord {
  id: string;
  /** Normalised (trimmed, lower case): the sign-in identity, unique among users that are not revoked. */
  email: string;
  name?: string;
  role: AccountRole;
  /** Organisations an executive reads (a consultant's portfolio is its grants, as for tokens). */
  orgIds: string[];
  /** Subject that created it: a consultant may list and revoke only the users it made. */
  createdBy: string;
  createdAt: string;
  revokedAt?: string;
  /** When the last sign-in mail went out: at most one a minute per person, whoever asks. */
  signInMailedAt?: string;
}

/** A mailed sign-in code: single use, short-lived. */
export interface SignInCodeRecord {
  /** The first 96 bits of the code's hash (the item key); `hash` is the whole SHA-256, compared in constant time. */
  id: string;
  hash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

interface SessionBase {
  /** SHA-256 of the cookie value; the cookie itself is never stored. */
  hash: string;
  createdAt: string;
  expiresAt: string;
}

/** A signed-in person, or a report viewer link opened in a browser. */
export type SessionRecord =
  | (SessionBase & { kind: 'user'; userId: string })
  | (SessionBase & { kind: 'viewer'; linkId: string; campaignId: string });

/** What the close e-mail carries: read-only access to one campaign's report, expiring, revocable. */
export interface ViewerLinkRecord {
  id: string;
  hash: string;
  campaignId: string;
  orgId: string;
  /** Whom it was made for (a contact's name), shown on the dashboard; never an address. */
  label: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  /** The UTC day it was last opened: coarse on purpose. */
  lastUsedOn?: string;
}

/** One change of an organisation's executive contacts (17.5: contacts are a consultant's act, each one logged). */
export interface ContactsChangeRecord {
  orgId: string;
  id: string;
  at: string;
  /** Subject and role that made the change. */
  by: string;
  byRole: string;
  /** The signed-in person's address when a person made it. */
  byEmail?: string;
  added: string[];
  removed: string[];
  /** How many contacts the list has after the change. */
  count: number;
}

/** An OpenID Connect sign-in between the redirect to the provider and its callback. */
export interface OidcStateRecord {
  /** SHA-256 of the state value, which the browser holds in a cookie and the provider echoes. */
  hash: string;
  codeVerifier: string;
  nonce: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuthStore {
  /** Every API key the subject created, newest last (expired ones included, for the list). */
  listTokensBy(createdBy: string): Promise<TokenRecord[]>;
  /** Records the day a key was last used. */
  touchToken(id: string, day: string): Promise<void>;

  /**
   * Creates the user unless a user that is not revoked already has the address ('exists'). The address index is
   * written first: a crash in between leaves an index entry pointing at nothing, which every reader skips and the
   * next creation replaces.
   */
  createUser(user: UserRecord): Promise<'created' | 'exists'>;
  getUser(id: string): Promise<UserRecord | null>;
  /** The user that signs in with this address, or null (none, or revoked). */
  getUserByEmail(email: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /** Marks the user revoked and frees the address; false when unknown or already revoked. */
  revokeUser(id: string, at: string): Promise<boolean>;
  /** Records a sign-in mail unless one went out after `notSince`; false then (the caller sends nothing). */
  markSignInMailed(userId: string, at: string, notSince: string): Promise<boolean>;

  putSignInCode(code: SignInCodeRecord): Promise<void>;
  /** Deletes and returns the code in one conditional delete (single use); null when unknown, used or expired. */
  takeSignInCode(id: string, now: Date): Promise<SignInCodeRecord | null>;

  putSession(session: SessionRecord): Promise<void>;
  getSession(hash: string, now: Date): Promise<SessionRecord | null>;
  deleteSession(hash: string): Promise<void>;

  putViewerLink(link: ViewerLinkRecord): Promise<void>;
  /** The link, or null when unknown or expired (a revoked one comes back with `revokedAt`). */
  getViewerLink(id: string, now: Date): Promise<ViewerLinkRecord | null>;
  listViewerLinks(campaignId: string): Promise<ViewerLinkRecord[]>;
  revokeViewerLink(id: string, at: string): Promise<boolean>;
  touchViewerLink(id: string, day: string): Promise<void>;

  appendContactsChange(change: ContactsChangeRecord): Promise<void>;
  /** Oldest first. */
  listContactsChanges(orgId: string): Promise<ContactsChangeRecord[]>;

  putOidcState(state: OidcStateRecord): Promise<void>;
  /** Deletes and returns the state (single use); null when unknown, used or expired. */
  takeOidcState(hash: string, now: Date): Promise<OidcStateRecord | null>;
}
