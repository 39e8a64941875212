import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  decodeCommitted,
  encodeCommitted,
  isCommitted,
  isTransactionCommitted,
  type DeleteSet,
} from "./sync-state";

/** A server copy and a client copy of one document, in sync. */
function pair() {
  const server = new Y.Doc();
  server.getText("t").insert(0, "hello world");
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

const commit = (server: Y.Doc) => decodeCommitted(encodeCommitted(server));

describe("isCommitted", () => {
  it("is true when the client holds nothing the server has not committed", () => {
    const { server, client } = pair();
    expect(isCommitted(client, commit(server))).toBe(true);
  });

  it("is false after a local insert until the server commits it", () => {
    const { server, client } = pair();
    client.getText("t").insert(0, "say ");
    expect(isCommitted(client, commit(server))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(isCommitted(client, commit(server))).toBe(true);
  });

  it("notices a delete-only change, which does not move the state vector", () => {
    const { server, client } = pair();
    const before = Y.encodeStateVector(client);
    client.getText("t").delete(0, 6);
    expect(Y.encodeStateVector(client)).toEqual(before);
    expect(isCommitted(client, commit(server))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(isCommitted(client, commit(server))).toBe(true);
  });

  it("tells a single transaction's state", () => {
    const { server, client } = pair();
    const changes: Array<{ client: number; clockAfter: number; deleteSet: DeleteSet }> = [];
    client.on("afterTransaction", (tr: Y.Transaction) => {
      changes.push({
        client: client.clientID,
        clockAfter: tr.afterState.get(client.clientID) ?? 0,
        deleteSet: tr.deleteSet,
      });
    });
    client.getText("t").insert(0, "a");
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const committedAfterFirst = commit(server);
    client.getText("t").delete(3, 2);
    expect(changes).toHaveLength(2);
    expect(isTransactionCommitted(changes[0]!, committedAfterFirst)).toBe(true);
    expect(isTransactionCommitted(changes[1]!, committedAfterFirst)).toBe(false);
  });
});
