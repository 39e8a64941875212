import { Link } from "@remix-run/react";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { ConfirmDialog } from "../components/plan/confirm-dialog";
import { ConnectionBadge } from "../components/plan/connection-badge";
import { PlanHeader, PlanLayout } from "../components/plan/plan-layout";
import { FollowingBar, PresenceAvatars, type PresenceView } from "../components/plan/presence-avatars";
import { ReadOnlyBanner } from "../components/plan/read-only-banner";
import { SectionFrame, SectionUnavailable } from "../components/plan/section-frame";
import { SectionIndex } from "../components/plan/section-index";
import { UndoButtons } from "../components/plan/undo-buttons";
import { type SECTION } from "../domain/plan";
import { SectionCommentButton } from "./comments/comment-buttons";
import { CommentsProvider, useCommentsPanel } from "./comments/comments-provider";
import { CommentsBarToggle, CommentsSidebar } from "./comments/comments-sidebar";
import { LeadDefinitions } from "./lead-definitions";
import { usePlanEditor } from "./plan-editor-context";
import { usePlanSync } from "./plan-editor-provider";
import { PlanTitle, usePlanMeta, type PlanMetaView } from "./plan-meta";
import {
  PAGE_SECTIONS,
  sectionAnchor,
  sectionLabel,
  type PageSection,
  type PageSectionInfo,
} from "./plan-sections";
import { usePresence, type PresentPerson } from "./presence";
import { RichTextEditor } from "./rich-text-editor";
import { syncLabel, unsyncedText } from "./sync-label";
import { hasUnsynced } from "./sync-tracker";
import { PlanTables } from "./tables/plan-tables";
import { FOLLOW_CONTROL, useFollow } from "./use-follow";
import { useUndoShortcuts, useUndoState } from "./use-undo";
import { useUnsavedGuard } from "../utils/use-unsaved-guard";
import { topFragment } from "./y-types";

interface PlanWorkspaceProps {
  fallback: PlanMetaView;
  details: ReactNode;
  /** Shown under the section index, e.g. the workspace's members. */
  aside?: ReactNode;
  /** Shown above the first section, e.g. the sign-off card. */
  lead?: ReactNode;
}

/**
 * The live plan page: header with the editable title, the bar with the
 * connection badge, presence (click to follow), undo/redo and the comments
 * toggle, the read-only banner, the section index, every section and the
 * comments panel. Only inside <PlanEditorProvider>, once the document is open.
 */
export function PlanWorkspace(props: PlanWorkspaceProps) {
  return (
    <CommentsProvider>
      <PlanWorkspaceView {...props} />
    </CommentsProvider>
  );
}

function PlanWorkspaceView({ fallback, details, aside, lead }: PlanWorkspaceProps) {
  const { doc, awareness, me, canEdit, readOnlyReason, undoManager } = usePlanEditor();
  const sync = usePlanSync();
  const meta = usePlanMeta(fallback);
  const people = usePresence(awareness, doc, me.userId);
  const { followed, follow, stop } = useFollow(people);
  const undo = useUndoState(undoManager);
  useUndoShortcuts(undoManager, canEdit);
  const waiting = hasUnsynced(sync);
  const blocker = useUnsavedGuard(waiting);
  const label = syncLabel(sync, { readOnly: !canEdit });
  const comments = useCommentsPanel();

  const barRef = useRef<HTMLDivElement>(null);
  useStickyBarHeight(barRef);

  const visitors = useMemo(() => visitorsBySection(people), [people]);
  const presence = useMemo<PresenceView[]>(
    () =>
      people.map((person) => ({
        userId: person.userId,
        name: person.name,
        team: person.team,
        isMe: person.isMe,
        where: person.section ? sectionLabel(person.section) : null,
      })),
    [people],
  );

  const section = (info: PageSectionInfo, content: ReactNode) => (
    <SectionFrame
      key={info.name}
      id={sectionAnchor(info.name)}
      title={info.label}
      hint={info.hint}
      visitors={visitors.get(info.name) ?? []}
      actions={<SectionCommentButton section={info.name} />}
    >
      {content}
    </SectionFrame>
  );
  const info = (name: PageSection) => PAGE_SECTIONS.find((s) => s.name === name)!;

  return (
    <PlanLayout
      barRef={barRef}
      panel={<CommentsSidebar />}
      panelOpen={comments.open}
      header={
        <PlanHeader
          eyebrow={
            <>
              <Link to="/plans">Plans</Link> · {meta.period} · {meta.currency}
            </>
          }
          title={<PlanTitle title={meta.title} />}
          details={details}
        />
      }
      bar={
        <>
          <ConnectionBadge tone={label.tone} text={label.text} />
          <PresenceAvatars
            people={presence}
            followedId={followed?.userId ?? null}
            onFollow={follow}
            followControl={FOLLOW_CONTROL}
          />
          {followed ? (
            <FollowingBar
              name={followed.name}
              where={followed.section ? sectionLabel(followed.section) : null}
              onStop={stop}
              followControl={FOLLOW_CONTROL}
            />
          ) : null}
          {canEdit ? (
            <UndoButtons
              canUndo={undo.canUndo}
              canRedo={undo.canRedo}
              onUndo={() => undoManager.undo()}
              onRedo={() => undoManager.redo()}
            />
          ) : null}
          <CommentsBarToggle />
        </>
      }
      banner={readOnlyReason ? <ReadOnlyBanner reason={readOnlyReason} /> : null}
      index={
        <>
          <SectionIndex
            entries={PAGE_SECTIONS.map((s) => ({
              anchor: sectionAnchor(s.name),
              label: s.label,
              visitors: visitors.get(s.name) ?? [],
            }))}
          />
          {aside}
        </>
      }
    >
      {lead}
      {section(info("strategy"), <RichTextSection name="strategy" label="Strategy" />)}
      <PlanTables sections={["targetMarkets", "revenueGoals", "campaigns"]} />
      {section(info("leadDefinitions"), <LeadDefinitions />)}
      {section(info("journey"), <RichTextSection name="journey" label="Customer journey" />)}
      <PlanTables sections={["glossary"]} />
      <ConfirmDialog
        open={blocker.state === "blocked"}
        title="Leave with unsaved changes?"
        confirmLabel="Leave anyway"
        cancelLabel="Stay on the plan"
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>
          Some of your changes are not saved to Accord yet ({unsyncedText(sync)})
          {sync.connected ? ": they are on their way." : ", because you are not connected."}
        </p>
        <p className="muted">
          If you leave, they stay in this browser and are sent the next time you open this plan here.
        </p>
      </ConfirmDialog>
    </PlanLayout>
  );
}

function RichTextSection({
  name,
  label,
}: {
  name: typeof SECTION.strategy | typeof SECTION.journey;
  label: string;
}) {
  const { doc } = usePlanEditor();
  const fragment = useMemo(() => topFragment(doc, name), [doc, name]);
  if (!fragment) return <SectionUnavailable what={label} />;
  return <RichTextEditor fragment={fragment} label={label} focus={{ section: name }} />;
}

function visitorsBySection(people: readonly PresentPerson[]) {
  const bySection = new Map<PageSection, PresentPerson[]>();
  for (const person of people) {
    if (person.isMe || !person.section) continue;
    bySection.set(person.section, [...(bySection.get(person.section) ?? []), person]);
  }
  return bySection;
}

/**
 * Publishes the sticky bar's height as `--plan-bar-height`, so sections
 * scrolled to (index links, following someone) stop below it however many
 * lines the bar wraps to on a narrow screen.
 */
function useStickyBarHeight(bar: { current: HTMLElement | null }) {
  useEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty("--plan-bar-height", `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--plan-bar-height");
    };
  }, [bar]);
}
