extension HTMLRenderer {
    /// The page's CSS: light and dark schemes (text and chart colours pass WCAG AA contrast on
    /// their background), tables and charts kept whole in print, one section per printed page.
    static let styleSheet = """
        :root {
          color-scheme: light dark;
          --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --rule: #d0d7de; --grid: #e3e7eb;
          --stripe: #f6f8fa; --accent: #0b5cad; --accent-fill: #2f6fb5; --good: #1a7f37; --bad: #b42318;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --rule: #3d444d; --grid: #262c33;
            --stripe: #161b22; --accent: #6cb6ff; --accent-fill: #4493e0; --good: #57c786; --bad: #ff8b82;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; }
        h1 { font-size: 1.7em; margin: 0 0 4px; }
        h2 { font-size: 1.25em; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
        header p { margin: 2px 0; color: var(--muted); }
        .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
        th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--rule); }
        tbody tr:nth-child(even) { background: var(--stripe); }
        tbody th { font-weight: 500; white-space: nowrap; }
        .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; }
        .num { text-align: right; white-space: nowrap; }
        thead th, thead th.num { white-space: normal; max-width: 9em; vertical-align: bottom; }
        .muted { color: var(--muted); }
        .good { color: var(--good); }
        .bad { color: var(--bad); }
        .good small, .bad small { font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.03em; }
        .note { color: var(--muted); font-size: 0.93em; }
        .warnings { border-left: 4px solid var(--bad); padding-left: 12px; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px 20px; }
        figure.chart { margin: 8px 0; }
        figure.chart figcaption { color: var(--muted); font-size: 0.8em; max-width: 320px; }
        figure.bars figcaption { max-width: 770px; }
        svg { display: block; max-width: 100%; height: auto; overflow: visible; }
        svg text { fill: var(--fg); font-size: 11px; font-family: inherit; }
        svg .chart-title { font-size: 12px; font-weight: 600; }
        svg .axis-unit, svg .tick { fill: var(--muted); }
        svg .grid { stroke: var(--grid); stroke-width: 1; }
        svg .series { stroke: var(--accent); stroke-width: 2; }
        svg .series.partial { stroke-dasharray: 4 3; }
        svg .point { fill: var(--accent); }
        svg .point.partial { fill: var(--bg); stroke: var(--accent); stroke-width: 2; }
        svg .point.current { stroke: var(--fg); stroke-width: 1.5; }
        svg .current-label, svg .bar-value { font-weight: 600; paint-order: stroke; stroke: var(--bg);
          stroke-width: 3px; stroke-linejoin: round; }
        svg .bar { fill: var(--accent-fill); }
        @media print {
          body { font-size: 11pt; background: #ffffff; color: #000000; }
          main { max-width: none; padding: 0; }
          section { break-before: page; }
          section:first-of-type { break-before: auto; }
          table, figure, .charts, tr { break-inside: avoid; }
          h2 { break-after: avoid; }
          .table-wrap { overflow: visible; }
        }

        """
}
