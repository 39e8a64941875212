import { now } from "../clock";

/** A GET with a session cookie, timed: to its first byte (the server's time on loopback) and until read whole. */
export async function timedGet(
  url: string,
  cookie: string,
): Promise<{ firstByte: number; total: number; bytes: number }> {
  const start = now();
  const response = await fetch(url, { headers: { cookie } });
  const firstByte = now() - start;
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return { firstByte, total: now() - start, bytes: body.byteLength };
}
