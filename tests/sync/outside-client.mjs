// An outside automerge-repo client (JavaScript, automerge-repo 2.5.6) editing a map the
// app made, as docs/schema.md allows: rename a story and add an acceptance criterion.
// Usage: node tests/sync/outside-client.mjs WS_URL AUTOMERGE_URL STORY_ID NEW_TITLE
import { ImmutableString } from "@automerge/automerge";
import { Repo } from "@automerge/automerge-repo";
import { WebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket";

const [server, url, storyId, title] = process.argv.slice(2);
if (!server?.startsWith("ws://127.0.0.1:")) {
  console.error("outside-client: expected a loopback ws:// server address");
  process.exit(2);
}

const repo = new Repo({ network: [new WebSocketClientAdapter(server)] });
const failAfter = setTimeout(() => {
  console.error("outside-client: timed out");
  process.exit(1);
}, 20_000);

const handle = await repo.find(url);
const doc = handle.doc();
// Storymap writes short fields as scalar strings, which Automerge JS reads as
// ImmutableString (its plain strings are collaborative Text).
if (String(doc?.kind) !== "storymap" || !doc.stories?.[storyId]) {
  console.error(`outside-client: not the expected map (kind ${doc?.kind}, stories ${Object.keys(doc?.stories ?? {})}, wanted ${storyId})`);
  process.exit(1);
}
handle.change((d) => {
  const story = d.stories[storyId];
  story.title = new ImmutableString(title);
  const ranks = Object.values(story.acceptanceCriteria ?? {}).map((c) => c.rank).sort();
  story.acceptanceCriteria ??= {};
  story.acceptanceCriteria["js-criterion-1"] = {
    text: new ImmutableString("Added by a JavaScript client"),
    done: false,
    rank: new ImmutableString(String(ranks.at(-1) ?? "80") + "80"),
  };
});
// Give the server the change, then leave.
await new Promise((resolve) => setTimeout(resolve, 1500));
clearTimeout(failAfter);
await repo.shutdown();
console.log("edited");
process.exit(0);
