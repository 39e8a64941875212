import type { CsvPreview } from "../../utils/use-csv-import";

const KIND_LABEL = { actuals: "Market actuals", spend: "Campaign spend" } as const;

const count = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/**
 * What a chosen file holds, before anything is imported: its template, how
 * many rows, the first rows as written (rows with a problem marked), and
 * every problem by line and column.
 */
export function CsvPreviewView({ preview, shownRows }: { preview: CsvPreview; shownRows: number }) {
  const { kind, rowCount, header, sample, errors, errorCount } = preview;
  const badLines = new Set(errors.map((e) => e.line));
  return (
    <div className="csv-preview">
      <p className="csv-summary">
        <strong>{preview.fileName}</strong>
        <span className="muted"> · </span>
        {kind ? KIND_LABEL[kind] : "Template not recognised"}
        <span className="muted"> · </span>
        {count(rowCount, "row")}
        {errorCount > 0 ? (
          <>
            <span className="muted"> · </span>
            <span className="csv-problem-count">{count(errorCount, "problem")}</span>
          </>
        ) : null}
      </p>

      {errorCount > 0 ? (
        <div className="alert error">
          <p role="alert">
            {count(errorCount, "problem")} in this file. Nothing can be imported until the file is fixed; the
            import is all or nothing.
          </p>
          <div
            className="table-wrap csv-errors-wrap"
            role="region"
            aria-label="Problems in the file"
            tabIndex={0}
          >
            <table className="csv-errors">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((error, index) => (
                  <tr key={index}>
                    <td className="grid-number">{error.line}</td>
                    <td>{error.column ?? "—"}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {errorCount > errors.length ? (
            <p className="hint">
              And {count(errorCount - errors.length, "more problem")}; the first {errors.length} are listed.
            </p>
          ) : null}
        </div>
      ) : rowCount > 0 ? (
        <p className="alert success">Every row is valid and ready to import.</p>
      ) : kind ? (
        <p className="alert info">The file has a header but no rows.</p>
      ) : null}

      {header && sample.length > 0 ? (
        <div
          className="table-wrap csv-sample-wrap"
          role="region"
          aria-label={`First ${Math.min(shownRows, sample.length)} rows of the file`}
          tabIndex={0}
        >
          <table className="csv-sample">
            <caption className="csv-caption">
              {sample.length < rowCount
                ? `The first ${sample.length} of ${count(rowCount, "row")}`
                : "Every row"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {header.map((name, index) => (
                  <th scope="col" key={index}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sample.map((record) => {
                const bad = badLines.has(record.line);
                return (
                  <tr key={record.line} className={bad ? "csv-bad-row" : undefined}>
                    <th scope="row" className="grid-number">
                      {record.line}
                      {bad ? <span className="visually-hidden"> (has a problem)</span> : null}
                    </th>
                    {record.fields.map((field, index) => (
                      <td key={index}>{field}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
