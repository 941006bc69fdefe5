// SARIF 2.1.0 and plain JSON exports, built from the engine's diagnostics and rules().

const LEVEL = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

/** SARIF columns are 1-based and, by default, count UTF-16 code units, the same as the engine. */
function region(range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export function toSarif({ diagnostics, rules, version, uri = 'Dockerfile', source }) {
  const used = [...new Set(diagnostics.map((d) => d.rule))];
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const ruleIndex = new Map(used.map((code, i) => [code, i]));
  const sarifRules = used.map((code) => {
    const r = byCode.get(code);
    if (!r) return { id: code };
    return {
      id: r.code,
      name: r.name,
      shortDescription: { text: r.summary },
      fullDescription: { text: r.summary },
      help: { text: r.docs, markdown: r.docs },
      defaultConfiguration: { level: LEVEL[r.severity] || 'warning', enabled: r.defaultEnabled },
      properties: { tags: [r.family], family: r.family, fix: r.fix, aliases: r.aliases },
    };
  });
  const results = diagnostics.map((d) => {
    const result = {
      ruleId: d.rule,
      ruleIndex: ruleIndex.get(d.rule),
      level: LEVEL[d.severity] || 'warning',
      message: { text: d.help ? `${d.message}\n${d.help}` : d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri, index: 0 }, region: region(d.range) } }],
      properties: { severity: d.severity, name: d.name },
    };
    if (d.labels && d.labels.length) {
      result.relatedLocations = d.labels.map((l, id) => ({
        id,
        message: { text: l.message },
        physicalLocation: { artifactLocation: { uri, index: 0 }, region: region(l.range) },
      }));
    }
    if (d.fix && d.fix.applicability !== 'display-only') {
      result.fixes = [
        {
          description: { text: d.fix.title },
          artifactChanges: [
            {
              artifactLocation: { uri, index: 0 },
              replacements: d.fix.edits.map((e) => ({
                deletedRegion: region(e.range),
                insertedContent: { text: e.newText },
              })),
            },
          ],
        },
      ];
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stowage',
            semanticVersion: version,
            version,
            informationUri: 'https://github.com/stowage/stowage',
            rules: sarifRules,
          },
        },
        artifacts: [{ location: { uri }, length: source === undefined ? -1 : new TextEncoder().encode(source).length, mimeType: 'text/x-dockerfile' }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function toJson({ diagnostics, version, uri = 'Dockerfile' }) {
  return {
    tool: 'stowage',
    version,
    file: uri,
    diagnostics: diagnostics.map((d) => ({
      rule: d.rule,
      name: d.name,
      severity: d.severity,
      message: d.message,
      help: d.help,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      end_line: d.range.end.line + 1,
      end_column: d.range.end.character + 1,
      range: d.range,
      fix: d.fix,
    })),
  };
}

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
