import type { CSSProperties } from "react";
import type { CellPeerView } from "./types";

/**
 * Who else is in a cell: the cell gets an outline in the first person's
 * colour (see `peerStyle`), and this tag carries their name, so the colour
 * is never the only signal.
 */
export function PeerTag({ peers }: { peers: readonly CellPeerView[] }) {
  const first = peers[0];
  if (!first) return null;
  const others = peers.length - 1;
  const names = peers.map((peer) => peer.name).join(", ");
  return (
    <span className="peer-tag" style={{ background: first.color }} title={`${names} ${verb(peers.length)} here`}>
      {first.name}
      {others > 0 ? ` +${others}` : null}
      <span className="visually-hidden">
        {others > 0 ? ` (${names})` : null} {verb(peers.length)} here
      </span>
    </span>
  );
}

function verb(count: number): string {
  return count === 1 ? "is" : "are";
}

/** The outline colour of a cell others are in; undefined when nobody is. */
export function peerStyle(peers: readonly CellPeerView[]): CSSProperties | undefined {
  const first = peers[0];
  return first ? ({ "--peer-color": first.color } as CSSProperties) : undefined;
}
