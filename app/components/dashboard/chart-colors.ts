/**
 * The charts' colours: the tokens of app.css as plain values (SVG attributes
 * take no CSS variables everywhere). Marks keep 3:1 against white (WCAG
 * 1.4.11); the target is a darker grey than the grid, and dashed where it is
 * a line, so it never depends on colour alone.
 */
export const CHART_COLORS = {
  actual: "#3346c7",
  target: "#8a8a80",
  axis: "#555c65",
  grid: "#e4e4de",
  cursor: "rgb(51 70 199 / 0.06)",
} as const;
