import { describe, expect, it } from "vitest";
import { story } from "../test/sampleMap";
import { boxWithin, chooseSides, dependencyLinks, linePath, type Box } from "./dependencyLines";

const box = (left: number, top: number, width = 200, height = 80): Box => ({ left, top, width, height });

describe("dependency links", () => {
  it("lists one link per dependency, marked when the dependent story has a warning", () => {
    const pay = story("st-pay", "Pay by card", "a", "s", "r");
    const address = story("st-address", "Enter delivery address", "a", "s", "r");
    const refund = story("st-refund", "Refund", "a", "s", "r");
    pay.dependsOn = ["st-address"];
    refund.dependsOn = ["st-pay", "st-gone", "st-refund"];
    refund.refinement.dependencyWarnings = ["Depends on 'Pay by card', planned in a later slice (Release 2)."];
    expect(dependencyLinks([pay, address, refund])).toEqual([
      { from: "st-pay", to: "st-address", warning: false },
      { from: "st-refund", to: "st-pay", warning: true },
    ]);
  });
});

describe("line geometry", () => {
  function check(from: Box, to: Box, sides: [string, string], d: string) {
    expect(chooseSides(from, to)).toEqual(sides);
    expect(linePath(from, to).d).toBe(d);
  }

  it("joins cards in different columns by their facing sides", () => {
    // Dependency to the right, same row.
    check(box(0, 0), box(300, 0), ["right", "left"], "M 200 40 C 250 40, 250 40, 300 40");
    // Dependency to the left and lower: the curve leaves and enters horizontally.
    check(box(600, 0), box(0, 300), ["left", "right"], "M 600 40 C 480 40, 320 340, 200 340");
  });

  it("joins neighbours in one column bottom to top, and bows out past cards between them", () => {
    check(box(0, 0), box(0, 90), ["bottom", "top"], "M 100 80 C 100 83.3, 100 86.7, 100 90");
    check(box(0, 90), box(0, 0), ["top", "bottom"], "M 100 90 C 100 86.7, 100 83.3, 100 80");
    check(box(0, 0), box(0, 300), ["right", "right"], "M 200 40 C 272 40, 272 340, 200 340");
  });

  it("starts and ends on the cards' edges", () => {
    const path = linePath(box(10, 20), box(400, 500, 100, 60));
    expect(path.start).toEqual({ x: 210, y: 60 });
    expect(path.end).toEqual({ x: 400, y: 530 });
  });

  it("takes on-screen rectangles back to the map's layout pixels under zoom", () => {
    expect(boxWithin({ left: 150, top: 90, width: 100, height: 40 }, { left: 50, top: 10 }, 0.5)).toEqual(box(200, 160, 200, 80));
    expect(boxWithin(box(60, 70, 10, 10), { left: 10, top: 20 }, 1)).toEqual(box(50, 50, 10, 10));
  });
});
