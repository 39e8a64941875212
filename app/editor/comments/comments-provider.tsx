import { useSearchParams } from "@remix-run/react";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { mayComment as mayCommentFor, type Anchor, type ThreadJson } from "../../domain/comments";
import { useLiveEvents } from "../../utils/live-events";
import { usePlanEditor } from "../plan-editor-context";
import { commentsApi, errorFor, type WriteComment } from "./comments-api";
import { CommentsContext, type AnchorState, type CommentsValue } from "./comments-context";
import { useAnchorStates } from "./use-anchor-states";
import { useRevealAnchors } from "./use-reveal-anchors";
import { mergeFetched, openCounts, rowKey, sortThreads, upsertThread } from "./thread-order";

/**
 * The plan page's threads: loaded once, kept live by the tab's event stream
 * (and loaded again whenever the stream reconnects, since events sent while
 * it was down are lost), placed against the live document, in document
 * order. Gives the editor's parts `CommentsValue` and the side panel the
 * rest: loading and errors, the draft of a new thread, and the writes.
 */

/** What the side panel needs beyond CommentsValue. */
export interface CommentsPanelValue {
  /** Threads in document order. */
  ordered: readonly ThreadJson[];
  states: ReadonlyMap<string, AnchorState>;
  loading: boolean;
  /** Why the threads could not be loaded; null when they were. */
  loadError: string | null;
  reload: () => void;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The anchor of the thread being started, or null. */
  draft: Anchor | null;
  cancelDraft: () => void;
  selectThread: (threadId: string | null) => void;
  /** Selects the thread and asks its anchor to scroll into view and flash. */
  revealThread: (threadId: string) => void;
  start: (input: WriteComment & { anchor: Anchor; blocking: boolean }) => Promise<ThreadJson>;
  reply: (threadId: string, input: WriteComment) => Promise<void>;
  edit: (commentId: string, input: WriteComment) => Promise<void>;
  remove: (commentId: string) => Promise<void>;
  setStatus: (threadId: string, status: "open" | "resolved") => Promise<void>;
  setBlocking: (threadId: string, blocking: boolean) => Promise<void>;
}

const CommentsPanelContext = createContext<CommentsPanelValue | null>(null);

export function useCommentsPanel(): CommentsPanelValue {
  const value = useContext(CommentsPanelContext);
  if (!value) throw new Error("useCommentsPanel must be used inside <CommentsProvider>.");
  return value;
}

export function CommentsProvider({ children }: { children: ReactNode }) {
  const { planId, doc, me, role } = usePlanEditor();
  const live = useLiveEvents();
  const [threads, setThreads] = useState<readonly ThreadJson[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Anchor | null>(null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const [reveal, setReveal] = useState<CommentsValue["reveal"]>(null);

  // Threads that arrive while a list is loading are laid over it when it lands.
  const arrivedDuringLoad = useRef<ThreadJson[] | null>(null);
  const loadSeq = useRef(0);

  const apply = useCallback((thread: ThreadJson) => {
    arrivedDuringLoad.current?.push(thread);
    setThreads((current) => upsertThread(current, thread));
  }, []);

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    arrivedDuringLoad.current = [];
    try {
      const fetched = await commentsApi.list(planId);
      if (seq !== loadSeq.current) return;
      setThreads(mergeFetched(fetched, arrivedDuringLoad.current ?? []));
      setLoadError(null);
    } catch (error) {
      if (seq === loadSeq.current) setLoadError(errorFor(error));
    } finally {
      if (seq === loadSeq.current) {
        arrivedDuringLoad.current = null;
        setLoading(false);
      }
    }
  }, [planId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!live) return;
    const offThreads = live.subscribeThreads(apply);
    const offReady = live.subscribeReady(() => void load());
    return () => {
      offThreads();
      offReady();
    };
  }, [live, apply, load]);

  const states = useAnchorStates(doc, threads);
  const ordered = useMemo(() => sortThreads(threads, states), [threads, states]);
  const counts = useMemo(() => openCounts(threads), [threads]);
  const mayComment = mayCommentFor({ userId: me.userId, role });

  const openThread = useCallback((threadId: string) => {
    setDraft(null);
    setActiveThreadId(threadId);
    setOpen(true);
  }, []);
  const startThread = useCallback((anchor: Anchor) => {
    setDraft(anchor);
    setActiveThreadId(null);
    setOpen(true);
  }, []);
  const revealThread = useCallback((threadId: string) => {
    setActiveThreadId(threadId);
    setReveal((current) => ({ threadId, seq: (current?.seq ?? 0) + 1 }));
  }, []);

  useOpenFromUrl(threads, loading, openThread, revealThread);
  useRevealAnchors(reveal, threads);

  const value = useMemo<CommentsValue>(
    () => ({
      threads,
      mayComment,
      startThread,
      openThread,
      activeThreadId,
      reveal,
      openCountForRow: (section, rowId) => counts.rows.get(rowKey(section, rowId)) ?? 0,
      openCountForSection: (section) => counts.sections.get(section) ?? 0,
    }),
    [threads, mayComment, startThread, openThread, activeThreadId, reveal, counts],
  );

  const panel = useMemo<CommentsPanelValue>(
    () => ({
      ordered,
      states,
      loading,
      loadError,
      reload: () => {
        setLoading(true);
        void load();
      },
      open,
      setOpen,
      draft,
      cancelDraft: () => setDraft(null),
      selectThread: setActiveThreadId,
      revealThread,
      async start(input) {
        const thread = await commentsApi.start(planId, input);
        apply(thread);
        setDraft(null);
        setActiveThreadId(thread.id);
        return thread;
      },
      reply: async (threadId, input) => apply(await commentsApi.reply(threadId, input)),
      edit: async (commentId, input) => apply(await commentsApi.edit(commentId, input)),
      remove: async (commentId) => apply(await commentsApi.remove(commentId)),
      setStatus: async (threadId, status) => apply(await commentsApi.setStatus(threadId, status)),
      setBlocking: async (threadId, blocking) => apply(await commentsApi.setBlocking(threadId, blocking)),
    }),
    [ordered, states, loading, loadError, load, open, draft, revealThread, planId, apply],
  );

  return (
    <CommentsContext.Provider value={value}>
      <CommentsPanelContext.Provider value={panel}>{children}</CommentsPanelContext.Provider>
    </CommentsContext.Provider>
  );
}

/** `?thread=<id>` (a link from the inbox) opens that thread and shows its anchor once the threads are in. */
function useOpenFromUrl(
  threads: readonly ThreadJson[],
  loading: boolean,
  openThread: (threadId: string) => void,
  revealThread: (threadId: string) => void,
) {
  const [params] = useSearchParams();
  const wanted = params.get("thread");
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!wanted || loading || handled.current === wanted) return;
    if (!threads.some((thread) => thread.id === wanted)) return;
    handled.current = wanted;
    openThread(wanted);
    revealThread(wanted);
  }, [wanted, loading, threads, openThread, revealThread]);
}
