import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../bindings/ErrorCode";
import { isApiError, toDisplayError } from "./errors";

const codes: ErrorCode[] = [
  "notFound",
  "invalidInput",
  "corruptData",
  "databaseDamaged",
  "foreignDocument",
  "storageFull",
  "storage",
  "internal",
];

describe("toDisplayError", () => {
  it("has its own title and hint for every error code", () => {
    const shown = codes.map((code) => toDisplayError({ code, message: "m" }));
    expect(new Set(shown.map((error) => error.title)).size).toBe(codes.length);
    for (const error of shown) {
      expect(error.title).not.toBe("");
      expect(error.hint).not.toBe("");
    }
    expect(shown.map((error) => error.code)).toEqual(codes);
  });

  it("branches on the code only, and shows the backend's message as detail", () => {
    const a = toDisplayError({ code: "storageFull", message: "No space left on device" });
    const b = toDisplayError({ code: "storageFull", message: "Something else entirely" });
    expect(a.title).toBe("This device is out of space");
    expect(b.title).toBe(a.title);
    expect(a.hint).toBe(b.hint);
    expect(a.detail).toBe("No space left on device");
  });

  it("omits an empty message", () => {
    expect(toDisplayError({ code: "storage", message: "  " }).detail).toBeNull();
  });

  it("treats anything that is not an ApiError as internal", () => {
    expect(toDisplayError(new Error("boom"))).toMatchObject({ code: "internal", detail: "boom" });
    expect(toDisplayError("plain text")).toMatchObject({ code: "internal", detail: "plain text" });
    expect(toDisplayError({ code: "teapot", message: "x" })).toMatchObject({ code: "internal", detail: null });
    expect(toDisplayError(undefined)).toMatchObject({ code: "internal", title: "Something went wrong" });
  });
});

describe("isApiError", () => {
  it("accepts only { code, message } with a known code", () => {
    expect(isApiError({ code: "notFound", message: "" })).toBe(true);
    expect(isApiError({ code: "notFound" })).toBe(false);
    expect(isApiError({ code: "other", message: "" })).toBe(false);
    expect(isApiError(null)).toBe(false);
  });
});
