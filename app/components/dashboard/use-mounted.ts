import { useEffect, useState } from "react";

/**
 * False on the server and in the browser's first render, true once the
 * component is in the DOM: charts that measure their box render only then,
 * so the server's HTML and the hydrated page agree.
 */
export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}
