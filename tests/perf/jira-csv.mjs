// A Jira Cloud CSV export of any size, for the import benchmark (tests/perf/jira-import.sh).
// The columns and quirks of a real export (BOM, repeated Labels/Sprint columns, quoted
// multi-line descriptions with "" quotes, custom fields, ignored columns): 12 epics, then
// stories under them, every fourth story followed by a sub-task. Each story has a
// 200-character description, three acceptance criteria, labels, story points, a fix
// version and a component. Deterministic: the same size gives the same file.
//
//   node tests/perf/jira-csv.mjs ROWS > jira.csv
const rows = Number(process.argv[2]);
if (!Number.isInteger(rows) || rows < 20) {
  console.error("usage: node tests/perf/jira-csv.mjs ROWS (at least 20)");
  process.exit(2);
}

const EPICS = 12;
const VERBS = ["Search", "Compare", "Save", "Share", "Filter", "Review", "Pay for", "Track"];
const THINGS = ["products", "offers", "the basket", "orders", "deliveries", "invoices", "favourites", "coupons"];
const LABELS = ["payments", "search", "mobile", "mvp", "ux", "legal"];
const STATUSES = ["Backlog", "To Do", "In Refinement", "Ready for Dev", "In Progress", "Done"];
const POINTS = ["1.0", "2.0", "3.0", "5.0", "8.0", "13.0", ""];
const VERSIONS = ["MVP", "Release 2", "Release 3", ""];
const PRIORITIES = ["Medium", "High", "Low"];
const HEADER = [
  "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Labels", "Labels",
  "Sprint", "Sprint", "Fix versions", "Component/s", "Description",
  "Custom field (Story point estimate)", "Custom field (Acceptance Criteria)", "Parent",
  "Parent summary", "Watchers", "Custom field (Rank)",
];

const cell = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const lines = [HEADER.map(cell).join(",")];
const row = (fields) => {
  const values = HEADER.map((_, i) => fields[i] ?? "");
  lines.push(values.map(cell).join(","));
};
const key = (n) => `SHOP-${n + 1}`;
const id = (n) => String(10001 + n);

function description(verb, thing) {
  const text =
    `As a regular shopper I want to ${verb.toLowerCase()} ${thing} from any page, so that my ` +
    `weekly groceries take less time.\n\nNotes: the "quick" path first; ${thing} keep their order. `;
  return text.repeat(3).slice(0, 200);
}

for (let e = 0; e < EPICS; e++) {
  row([`Activity ${e + 1}`, key(e), id(e), "Epic", "To Do", "Medium", "", "", "", "", "", "",
    `Everything about activity ${e + 1}.`, "", "", "", "", "ana", `0|i${e}:`]);
}
let story = -1; // the last story's number
let storyRow = -1; // and its row
let subtaskDue = false;
for (let n = EPICS; n < rows; n++) {
  if (subtaskDue) {
    subtaskDue = false;
    row([`Write the tests for story ${story}`, key(n), id(n), "Sub-task", STATUSES[n % 6], "Medium",
      "", "", "", "", "", "", "", "", "", id(storyRow), `Story ${story}`, "", `0|i${n}:`]);
    continue;
  }
  story += 1;
  storyRow = n;
  subtaskDue = story % 4 === 3;
  const epic = story % EPICS;
  const [verb, thing] = [VERBS[story % 8], THINGS[Math.floor(story / 8) % 8]];
  const criteria = [
    `- [ ] ${verb} works for ${thing} on mobile and desktop`,
    `- [${story % 3 === 0 ? "x" : " "}] Results for ${thing} appear within a second`,
    "- [ ] An empty result explains what to try next",
  ].join("\n");
  row([`${verb} ${thing} #${story}`, key(n), id(n), story % 10 === 7 ? "Bug" : "Story",
    STATUSES[story % 6], PRIORITIES[story % 3], LABELS[story % 6],
    story % 4 === 0 ? LABELS[(story + 1) % 6] : "", `Sprint ${1 + (story % 5)}`, "",
    VERSIONS[story % 4], `Component ${epic + 1}.${1 + (story % 5)}`, description(verb, thing),
    POINTS[story % 7], criteria, id(epic), `Activity ${epic + 1}`, "ben", `0|i${n}:`]);
}
process.stdout.write("\ufeff" + lines.join("\r\n") + "\r\n");
