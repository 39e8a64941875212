/**
 * Read-only share links of a plan (docs/API.md, "Dashboard and share
 * links"): what the API answers about them and what the owner's panel shows.
 * The token itself is never part of a link's JSON: it is shown once, in the
 * URL the create call answers.
 */

/** A share link as listed: who made it and when. People are names only. */
export interface ShareLinkJson {
  id: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

/** The answer to creating a link: the link, and its URL with the token, this once. */
export interface CreatedShareLinkJson {
  link: ShareLinkJson;
  url: string;
}

/** A token is 32 random bytes in base64url: 43 characters, nothing else. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
