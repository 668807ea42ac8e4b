using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core with the WCAG 2.2 A and AA rules on pages and collects every violation, so one failure lists them all
/// (rule id, impact, the selectors of the elements, and where).
/// </summary>
public sealed class AxeAudit
{
    /// <summary>WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added only AA rules to axe-core).</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _violations = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _audited = new();

    /// <summary>What was audited, one line each: who, which page, what state.</summary>
    public IReadOnlyCollection<string> Audited => _audited;

    public IReadOnlyCollection<string> Violations => _violations;

    public async Task CheckAsync(IPage page, string who, string what)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });
        var where = $"{who} · {what} · {new Uri(page.Url).PathAndQuery}";
        _audited.Enqueue($"{where} ({started.ElapsedMilliseconds} ms)");
        foreach (var violation in result.Violations)
        {
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"[{violation.Impact}] {violation.Id}: {violation.Help} ({where})");
            foreach (var node in violation.Nodes)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    {node.Target}  {node.Html}");
            }

            _violations.Enqueue(text.ToString());
        }
    }

    public string Report() =>
        $"{_violations.Count} axe violation(s) over {_audited.Count} page states:\n" + string.Join('\n', _violations);
}
