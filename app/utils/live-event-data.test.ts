import { describe, expect, it } from "vitest";
import {
  eventsUrl,
  parseInboxEvent,
  parsePlanEvent,
  parseReadyEvent,
  parseThreadEvent,
  planIdOf,
  reloadOnReady,
} from "./live-event-data";

const PLAN = "6f1c1f0e-2b1a-4d7e-9c1a-1234567890ab";

describe("event stream frames", () => {
  it("reads the unread count and ignores anything else", () => {
    expect(parseInboxEvent('{"unread":3}')).toBe(3);
    expect(parseInboxEvent('{"unread":0}')).toBe(0);
    expect(parseInboxEvent('{"unread":-1}')).toBeNull();
    expect(parseInboxEvent('{"unread":"3"}')).toBeNull();
    expect(parseInboxEvent("<html>")).toBeNull();
  });

  it("reads a thread of this plan only", () => {
    const thread = { id: "t", planId: PLAN, anchor: { kind: "section" }, comments: [], status: "open" };
    expect(parseThreadEvent(JSON.stringify(thread), PLAN)).toEqual(thread);
    expect(parseThreadEvent(JSON.stringify({ ...thread, planId: "other" }), PLAN)).toBeNull();
    expect(parseThreadEvent(JSON.stringify({ ...thread, status: "gone" }), PLAN)).toBeNull();
    expect(parseThreadEvent(JSON.stringify({ ...thread, comments: null }), PLAN)).toBeNull();
    expect(parseThreadEvent("[]", PLAN)).toBeNull();
  });
});

describe("sign-off events", () => {
  it("name the plan whose sign-off changed, this plan only", () => {
    expect(parsePlanEvent(JSON.stringify({ planId: PLAN }), PLAN)).toBe(PLAN);
    expect(parsePlanEvent(JSON.stringify({ planId: "other" }), PLAN)).toBeNull();
    expect(parsePlanEvent("{}", PLAN)).toBeNull();
  });
});

describe("the stream's address", () => {
  it("adds the plan when the route has a valid one", () => {
    expect(eventsUrl(null)).toBe("/api/events");
    expect(eventsUrl(PLAN)).toBe(`/api/events?plan=${PLAN}`);
    expect(planIdOf({ planId: PLAN.toUpperCase() })).toBe(PLAN);
    expect(planIdOf({ planId: "new" })).toBeNull();
    expect(planIdOf({})).toBeNull();
  });
});

describe("ready", () => {
  it("carries the plan's live-change count when there is a sane one", () => {
    expect(parseReadyEvent('{"planSeq":7}')).toEqual({ planSeq: 7 });
    expect(parseReadyEvent('{"planSeq":0}')).toEqual({ planSeq: 0 });
    expect(parseReadyEvent("{}")).toEqual({ planSeq: null });
    expect(parseReadyEvent('{"planSeq":-1}')).toEqual({ planSeq: null });
    expect(parseReadyEvent('{"planSeq":"7"}')).toEqual({ planSeq: null });
    expect(parseReadyEvent("<html>")).toEqual({ planSeq: null });
  });

  it("reloads the page after the first ready only when a change came between the page's load and the stream", () => {
    expect(reloadOnReady(true, { planSeq: 4 }, 4)).toBe(false);
    expect(reloadOnReady(true, { planSeq: 5 }, 4)).toBe(true);
    // The page was read after the stream's count (a change during the load): it already shows it.
    expect(reloadOnReady(true, { planSeq: 3 }, 4)).toBe(false);
    expect(reloadOnReady(true, { planSeq: null }, 4)).toBe(true);
  });

  it("always reloads after a later ready: events sent during the break are not replayed", () => {
    expect(reloadOnReady(false, { planSeq: 4 }, 4)).toBe(true);
  });
});
