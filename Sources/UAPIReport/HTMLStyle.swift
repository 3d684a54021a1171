/// The HTML report's stylesheet and the SVG patterns its diagrams share. System fonts
/// only: the page must not reach the network.
enum HTMLStyle {
    static let css = """
    :root {
      --fg: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f6f8fb; --card: #ffffff;
      --breaking: #b91c1c; --breaking-bg: #fee2e2; --compatible: #a16207; --compatible-bg: #fef3c7;
      --info: #1d4ed8; --info-bg: #dbeafe; --suppressed: #475569; --suppressed-bg: #e2e8f0;
      --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
    }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", sans-serif; }
    main { max-width: 1220px; margin: 0 auto; padding: 28px 32px 56px; }
    code { font-family: var(--mono); font-size: 0.92em; }
    h1 { font-size: 22px; margin: 2px 0 6px; font-weight: 650; word-break: break-word; }
    h2 { font-size: 17px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
    h3 { font-size: 14px; margin: 0; }
    .kind { margin: 0; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.08em; font-weight: 600; }
    .targets { margin: 0; color: var(--muted); }
    .muted { color: var(--muted); }
    .chip { display: inline-block; padding: 0 7px; border: 1px solid var(--line); border-radius: 4px; background: var(--card);
      font-family: var(--mono); font-size: 12px; color: #334155; white-space: nowrap; }
    .chip.only { border-color: #fcd34d; background: #fffbeb; color: #92400e; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 20px 0 10px; }
    .card { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 8px;
      padding: 10px 16px; display: flex; flex-direction: column; }
    .card .n { font-size: 26px; font-weight: 700; line-height: 1.2; }
    .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
    .card.breaking { border-left-color: var(--breaking); } .card.breaking .n { color: var(--breaking); }
    .card.compatible { border-left-color: #eab308; } .card.compatible .n { color: var(--compatible); }
    .card.info { border-left-color: #3b82f6; } .card.info .n { color: var(--info); }
    .card.suppressed { border-left-color: #94a3b8; } .card.suppressed .n { color: var(--suppressed); }
    .card.zero .n { color: #cbd5e1; }
    .card.bump { border-left-color: #0f172a; } .card.bump-major .n { color: var(--breaking); }
    .summary-line { margin: 4px 0; color: var(--muted); }
    .note { margin: 8px 0; padding: 8px 12px; background: #f1f5f9; border-radius: 6px; }
    .note.warning { background: #fffbeb; border: 1px solid #fde68a; }
    .filters { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 22px; margin: 22px 0 0; padding: 10px 16px;
      background: var(--card); border: 1px solid var(--line); border-radius: 8px; position: sticky; top: 0; z-index: 1; }
    .filters[hidden] { display: none; }
    .filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 12px; align-items: center; }
    .filters legend, .filters .select { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
    .filters legend { float: left; margin-right: 4px; }
    .filters select { margin-left: 6px; font: inherit; text-transform: none; letter-spacing: 0; color: var(--fg);
      padding: 3px 6px; border: 1px solid #cbd5e1; border-radius: 5px; background: #fff; }
    .check { font-size: 13px; cursor: pointer; }
    .shown { margin-left: auto; color: var(--muted); font-size: 12px; }
    .group { margin: 14px 0 22px; }
    .group h3 { margin-bottom: 8px; }
    .count { display: inline-block; min-width: 22px; padding: 0 6px; border-radius: 999px; background: #e2e8f0; color: #334155;
      font-size: 12px; text-align: center; }
    table { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--card); border: 1px solid var(--line);
      border-radius: 8px; overflow: hidden; }
    th { text-align: left; font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
      background: #f8fafc; padding: 8px 10px; border-bottom: 1px solid var(--line); }
    td { padding: 7px 10px; border-top: 1px solid #f1f5f9; vertical-align: top; }
    tbody tr:first-child td { border-top: 0; }
    tbody tr:hover td { background: #f8fafc; }
    .col-severity { width: 120px; } .col-rule { width: 130px; } .col-targets { width: 150px; } .col-line { width: 52px; }
    td.num { text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; }
    .rule { color: #475569; white-space: nowrap; }
    .item-kind { color: var(--muted); font-size: 12px; }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; }
    .badge.breaking { color: var(--breaking); background: var(--breaking-bg); }
    .badge.compatible { color: var(--compatible); background: var(--compatible-bg); }
    .badge.info { color: var(--info); background: var(--info-bg); }
    .badge.suppressed { color: var(--suppressed); background: var(--suppressed-bg); }
    tr.suppressed td { background: #fafafa; }
    tr.suppressed .message { color: var(--muted); text-decoration: line-through; text-decoration-color: #cbd5e1; }
    tr.suppressed .badge:not(.suppressed) { opacity: 0.55; }
    .reason { color: var(--suppressed); font-size: 12px; font-style: italic; }
    .layout-link { font-size: 12px; color: var(--info); text-decoration: none; white-space: nowrap; }
    .layout-link:hover { text-decoration: underline; }
    .empty { padding: 16px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; color: var(--muted); }
    .hint { color: var(--muted); margin: 0 0 10px; }
    .legend { list-style: none; padding: 0; margin: 0 0 16px; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 12px; color: #334155; }
    .legend li { display: flex; align-items: center; gap: 6px; }
    .layout { background: var(--card); border: 1px solid var(--line); border-radius: 8px; margin: 0 0 18px; padding: 14px 18px 10px; }
    .layout-head { display: flex; align-items: center; gap: 10px; margin-bottom: 6px; }
    .layout-head code { font-size: 15px; }
    .layout-head .where { margin-left: auto; color: var(--muted); }
    .pair { border-top: 1px dashed var(--line); padding: 10px 0 6px; }
    .pair:first-of-type { border-top: 0; }
    .pair-targets { margin-bottom: 6px; }
    .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
    .side { margin: 0; min-width: 0; }
    .side figcaption { font-size: 12.5px; margin-bottom: 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .side-word { display: inline-block; width: 32px; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; }
    .side-old .side-word { color: #64748b; } .side-new .side-word { color: #0f172a; }
    .absent { display: flex; align-items: center; justify-content: center; height: 66px; border: 1px dashed #cbd5e1; border-radius: 6px;
      color: var(--muted); font-style: italic; background: #fbfcfd; }
    .layout-svg { display: block; width: 100%; max-width: 560px; height: auto; }
    .marks { list-style: none; margin: 8px 0 4px; padding: 0; font-size: 12.5px; display: flex; flex-wrap: wrap; gap: 4px 28px; }
    .tag { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 10.5px; font-weight: 700; text-transform: uppercase;
      letter-spacing: 0.04em; border: 1px solid; }
    .box rect { fill: #e8eef6; stroke: #7b8ba1; stroke-width: 1; }
    .box.member rect { fill: #ffffff; stroke: #64748b; stroke-dasharray: 5 3; }
    .box.unnamed rect { fill: #f1f5f9; stroke: #94a3b8; stroke-dasharray: 2 2; }
    .box.flexible rect { fill: #ffffff; stroke: #64748b; stroke-dasharray: 6 3; }
    .box.hole rect { fill: url(#uapi-hole); stroke: #d97706; stroke-dasharray: 3 2; }
    .box.padding rect { fill: url(#uapi-padding); stroke: #94a3b8; stroke-dasharray: 3 2; }
    .box.m-renamed rect, .box.m-retyped rect, .box.m-respelled rect, .box.m-reused rect, .box.m-flexible rect { fill: #dbeafe; stroke: #1d4ed8; stroke-width: 1.5; stroke-dasharray: none; }
    .box.m-resized rect { fill: #f3e8ff; stroke: #7e22ce; stroke-width: 1.5; stroke-dasharray: none; }
    .box.m-moved rect { fill: #ffedd5; stroke: #c2410c; stroke-width: 1.5; stroke-dasharray: none; }
    .box.m-added rect { fill: #dcfce7; stroke: #15803d; stroke-width: 1.5; stroke-dasharray: none; }
    .box.m-removed rect { fill: #fee2e2; stroke: #b91c1c; stroke-width: 1.5; stroke-dasharray: none; }
    .box.flexible rect { stroke-dasharray: 6 3; }
    .box text { font-family: var(--mono); }
    .box text.name { font-size: 11px; font-weight: 600; fill: #0f172a; }
    .box text.detail { font-size: 10px; fill: #475569; }
    .box text.tag { font-size: 9px; font-weight: 700; fill: #1d4ed8; letter-spacing: 0.02em; }
    .box.m-resized text.tag { fill: #7e22ce; } .box.m-moved text.tag { fill: #c2410c; }
    .box.m-added text.tag { fill: #15803d; } .box.m-removed text.tag { fill: #b91c1c; }
    .box.hole text.name { fill: #b45309; } .box.padding text.name { fill: #475569; }
    .box.hole text, .box.padding text { font-style: italic; }
    .tag.m-renamed, .tag.m-retyped, .tag.m-respelled, .tag.m-reused, .tag.m-flexible { color: #1d4ed8; background: #dbeafe; }
    .tag.m-resized { color: #7e22ce; background: #f3e8ff; } .tag.m-moved { color: #c2410c; background: #ffedd5; }
    .tag.m-added { color: #15803d; background: #dcfce7; } .tag.m-removed { color: #b91c1c; background: #fee2e2; }
    .ruler line { stroke: #94a3b8; stroke-width: 1; }
    .ruler text { font-family: var(--mono); font-size: 9px; fill: #64748b; }
    .lane-label { font-size: 10px; fill: #94a3b8; font-style: italic; }
    .swatch { flex: none; }
    @media (max-width: 900px) { .sides { grid-template-columns: 1fr; } }

    """

    /// The hatchings of holes and padding, defined once for every diagram on the page.
    static let patterns = """
    <svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs>
    <pattern id="uapi-hole" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff7ed"/><line x1="0" y1="0" x2="0" y2="6" stroke="#f59e0b" stroke-width="2"/></pattern>
    <pattern id="uapi-padding" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="6" height="6" fill="#f8fafc"/><line x1="0" y1="0" x2="0" y2="6" stroke="#cbd5e1" stroke-width="2"/></pattern>
    </defs></svg>
    """

    /// Filters by severity, header and target; items stay visible when no script runs.
    static let script = """
    (function () {
      var form = document.getElementById('filters');
      if (!form) return;
      form.hidden = false;
      var each = function (selector, action) { Array.prototype.forEach.call(document.querySelectorAll(selector), action); };
      var onTarget = function (element, target) {
        return !target || (' ' + element.getAttribute('data-targets') + ' ').indexOf(' ' + target + ' ') >= 0;
      };
      function apply() {
        var severities = [];
        each('#filters input[name=severity]', function (box) { if (box.checked) severities.push(box.value); });
        var header = form.elements.header.value, target = form.elements.target.value;
        var matches = function (element) {
          return severities.indexOf(element.getAttribute('data-severity')) >= 0
            && (!header || element.getAttribute('data-header') === header);
        };
        var shown = 0, total = 0;
        each('tr.item', function (row) {
          var visible = matches(row) && onTarget(row, target);
          row.hidden = !visible;
          total += 1;
          if (visible) shown += 1;
        });
        each('section.group', function (group) { group.hidden = !group.querySelector('tr.item:not([hidden])'); });
        each('article.layout', function (layout) {
          var pairs = 0;
          Array.prototype.forEach.call(layout.querySelectorAll('.pair'), function (pair) {
            pair.hidden = !onTarget(pair, target);
            if (!pair.hidden) pairs += 1;
          });
          layout.hidden = !matches(layout) || pairs === 0;
        });
        document.getElementById('shown').textContent = shown + ' of ' + total + ' shown';
      }
      form.addEventListener('change', apply);
      apply();
    })();

    """
}
