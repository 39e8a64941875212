import type { Anchor, CommentJson, ThreadJson } from "../../domain/comments";
import { ApiError, callApi as call } from "../../utils/api-client";

/**
 * The comment endpoints of the JSON API (docs/API.md, "Comments") as the
 * plan page calls them. Every call answers the thread as the server now
 * has it, or throws an ApiError with the server's message and field
 * errors, ready to show next to the field.
 */

/** The first message of a failed call for one field (or the call's message). */
export function errorFor(error: unknown, field?: string): string {
  if (error instanceof ApiError) return (field && error.fieldErrors[field]?.[0]) || error.message;
  return "Something went wrong. Try again.";
}

export interface WriteComment {
  body: string;
  mentions: string[];
}

export const commentsApi = {
  async list(planId: string): Promise<ThreadJson[]> {
    return (await call<{ threads: ThreadJson[] }>("GET", `/api/plans/${planId}/threads`)).threads;
  },
  async start(
    planId: string,
    input: WriteComment & { anchor: Anchor; blocking: boolean },
  ): Promise<ThreadJson> {
    return (await call<{ thread: ThreadJson }>("POST", `/api/plans/${planId}/threads`, input)).thread;
  },
  async reply(threadId: string, input: WriteComment): Promise<ThreadJson> {
    return (
      await call<{ comment: CommentJson; thread: ThreadJson }>(
        "POST",
        `/api/threads/${threadId}/comments`,
        input,
      )
    ).thread;
  },
  async edit(commentId: string, input: WriteComment): Promise<ThreadJson> {
    return (
      await call<{ comment: CommentJson; thread: ThreadJson }>("PATCH", `/api/comments/${commentId}`, input)
    ).thread;
  },
  async remove(commentId: string): Promise<ThreadJson> {
    return (await call<{ thread: ThreadJson }>("DELETE", `/api/comments/${commentId}`)).thread;
  },
  async setStatus(threadId: string, status: "resolved" | "open"): Promise<ThreadJson> {
    const verb = status === "resolved" ? "resolve" : "reopen";
    return (await call<{ thread: ThreadJson }>("POST", `/api/threads/${threadId}/${verb}`, {})).thread;
  },
  async setBlocking(threadId: string, blocking: boolean): Promise<ThreadJson> {
    return (await call<{ thread: ThreadJson }>("PATCH", `/api/threads/${threadId}`, { blocking })).thread;
  },
};
