import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useLoaded } from "./useLoaded";

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe("useLoaded", () => {
  it("is loading, then shows the answer", async () => {
    const answer = deferred<string[]>();
    const load = () => answer.promise;
    const { result } = renderHook(() => useLoaded(load));
    expect(result.current).toEqual({ kind: "loading" });
    await act(async () => {
      answer.resolve(["a"]);
      await answer.promise;
    });
    expect(result.current).toEqual({ kind: "shown", value: ["a"] });
  });

  it("shows the backend's message when the read fails", async () => {
    const answer = deferred<string>();
    const load = () => answer.promise;
    const { result } = renderHook(() => useLoaded(load));
    await act(async () => {
      answer.reject({ code: "storage", message: "the disk is full" });
      await answer.promise.catch(() => undefined);
    });
    expect(result.current).toEqual({ kind: "failed", message: "the disk is full" });
  });

  it("drops a late answer to an earlier read and reads again on a new key", async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    let reads = 0;
    const load = () => (reads++ === 0 ? first : second).promise;
    const { result, rerender } = renderHook(({ key }) => useLoaded(load, key), { initialProps: { key: 1 } });
    rerender({ key: 2 });
    expect(reads).toBe(2);
    await act(async () => {
      second.resolve("new");
      await second.promise;
    });
    await act(async () => {
      first.resolve("old");
      await first.promise;
    });
    expect(result.current).toEqual({ kind: "shown", value: "new" });
  });

  it("reads nothing while there is nothing to load", () => {
    const { result } = renderHook(() => useLoaded<string>(null));
    expect(result.current).toEqual({ kind: "loading" });
  });
});
