import { describe, expect, it } from "vitest";
import type { SessionStoryView } from "../bindings/SessionStoryView";
import { currentAgendaId, formatClock, isOverrun, liveSpentSeconds, nextStoryId, secondsSince, stepIndex, timeboxShare } from "./room";

function sessionStory(storyId: string, state: SessionStoryView["state"], spentSeconds = 0): SessionStoryView {
  return {
    storyId,
    title: storyId,
    estimate: null,
    points: null,
    status: "idea",
    ready: false,
    needsInputFrom: null,
    reader: null,
    state,
    spentSeconds,
    timeboxSeconds: 300,
    overrun: false,
    parkedReason: null,
  };
}

describe("room helpers", () => {
  it("write the clock as minutes and seconds", () => {
    const check = (seconds: number, expected: string) => {
      expect(formatClock(seconds)).toBe(expected);
    };
    check(0, "0:00");
    check(65, "1:05");
    check(61 * 60 + 5, "61:05");
    check(-3, "0:00");
  });

  it("count seconds since a moment", () => {
    expect(secondsSince("2025-11-24T10:00:00Z", Date.parse("2025-11-24T10:01:30Z"))).toBe(90);
    expect(secondsSince("not a date", 0)).toBe(0);
  });

  it("keep the running story's clock going between reads, and only that one", () => {
    const readAt = 1_000_000;
    expect(liveSpentSeconds(sessionStory("a", "discussing", 100), readAt, readAt + 30_500)).toBe(130);
    expect(liveSpentSeconds(sessionStory("b", "pending", 100), readAt, readAt + 30_000)).toBe(100);
    expect(isOverrun(sessionStory("a", "discussing"), 301)).toBe(true);
    expect(isOverrun(sessionStory("a", "discussing"), 300)).toBe(false);
    expect(timeboxShare(150, 300)).toBe(0.5);
    expect(timeboxShare(900, 300)).toBe(1);
  });

  it("find the agenda item the clock is in", () => {
    const agenda = [
      { id: "g1", title: "Recap", startMinute: 0, endMinute: 10, current: false },
      { id: "g2", title: "Stories", startMinute: 10, endMinute: 60, current: false },
    ];
    expect(currentAgendaId(agenda, 0)).toBe("g1");
    expect(currentAgendaId(agenda, 10 * 60)).toBe("g2");
    expect(currentAgendaId(agenda, 60 * 60)).toBeNull();
  });

  it("pick the next pending story after the focus, wrapping round", () => {
    const stories = [sessionStory("a", "refined"), sessionStory("b", "pending"), sessionStory("c", "discussing"), sessionStory("d", "parked")];
    expect(nextStoryId(stories, "c")).toBe("b");
    expect(nextStoryId(stories, null)).toBe("b");
    expect(nextStoryId([sessionStory("a", "refined")], "a")).toBeNull();
    expect(stepIndex(0, -1, 3)).toBe(0);
    expect(stepIndex(1, 1, 3)).toBe(2);
    expect(stepIndex(2, 1, 3)).toBe(2);
  });
});
