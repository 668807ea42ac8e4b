using System.Text.RegularExpressions;

namespace IncidentResponse.Domain.Tests;

/// <summary>
/// Phone numbers, emergency numbers and statute citations belong in the sourced content files, where each carries its
/// source and the date it was checked. This test reads every C#, Razor and Razor-component file under src/ (not the
/// generated migrations) and fails when one of them writes such a fact in code. Comments are not read: they are not
/// shown to anyone. What may stay is listed below, each with its reason; tests are not read at all, since their
/// numbers are made up.
/// </summary>
public sealed partial class FactsStayInContentTests
{
    /// <summary>(file name, the exact text found, or "*" for any, why it may stay).</summary>
    private static readonly (string File, string Text, string Reason)[] Allowed =
    [
        ("LetterComposer.cs", "Article 17", "The letter kind's name, \"data protection delisting request (GDPR Article 17)\", which people and platforms know it by; the letter's citations are in Content/law/letter-wording.json."),
        ("DemoTakedowns.cs", "+1 555 0142", "A made-up number (555) for the seed-demo sender, not a fact anyone relies on."),
        ("PublicAddresses.cs", "*", "Network address ranges (IANA's special-purpose address registries, RFC 6890), not phone numbers: the rule the code enforces, each range tested at its edges."),
        ("PlatformEntryValidator.cs", "Article 16", "An editor's error message naming the rule the validator enforces, never shown to a survivor."),
    ];

    [Fact]
    public void No_phone_number_emergency_number_or_statute_citation_is_written_in_code()
    {
        var found = new List<string>();
        foreach (var path in SourceFiles())
        {
            var name = Path.GetFileName(path);
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var text in FactsIn(lines[i]))
                {
                    if (!Allowed.Any(a => a.File == name && (a.Text == "*" || a.Text == text)))
                    {
                        found.Add($"{Path.GetRelativePath(RepositoryRoot(), path)}:{i + 1}: \"{text}\"");
                    }
                }
            }
        }

        Assert.True(found.Count == 0, "Move these facts into a content file with a source and a check date:"
            + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Theory]
    [InlineData("problems.Add(\"must be three digits, such as 911, 999, 000 or 112.\");", "911")]
    [InlineData("<p>Call the helpline on 0808 2000 247.</p>", "0808 2000 247")]
    [InlineData("\"Call RAINN on 1-800-656-4673\"", "1-800-656-4673")]
    [InlineData("\"Samaritans: 116 123\"", "116 123")]
    [InlineData("\"under section 66B of the Sexual Offences Act 2003\"", "section 66B")]
    [InlineData("\"47 U.S.C. §223a\"", "U.S.C")]
    [InlineData("\"Article 17 of the GDPR\"", "Article 17")]
    [InlineData("<a href=\"tel:999\">", "tel:999")]
    public void The_patterns_find_the_facts_they_are_meant_to(string line, string expected)
    {
        Assert.Contains(expected, FactsIn(line));
    }

    [Theory]
    [InlineData("var deadline = sentOn.AddDays(7);")]
    [InlineData("\"lastVerified\": \"2026-12-05\"")]
    [InlineData("<div style=\"color:#000;margin:0 18mm\">")]
    [InlineData("18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,")]
    [InlineData("<svg viewBox=\"0 0 1000 1414\">")]
    [InlineData("/// Cites 17 U.S.C. §512 in a comment.")]
    [InlineData("var page = $\"/cases/{caseId}/plan/{number}\";")]
    public void Ordinary_code_is_not_mistaken_for_a_fact(string line)
    {
        Assert.Empty(FactsIn(line));
    }

    /// <summary>The phone numbers, emergency numbers and citations a line of code writes (nothing for a comment).</summary>
    private static List<string> FactsIn(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*') || trimmed.StartsWith("@*", StringComparison.Ordinal)
            || trimmed.StartsWith("/*", StringComparison.Ordinal) || line.Contains("viewBox", StringComparison.Ordinal))
        {
            return [];
        }

        var facts = new List<string>();
        facts.AddRange(PhoneNumber().Matches(line).Select(m => m.Value)
            .Where(v => v.Count(char.IsAsciiDigit) >= 6 && !IsoDate().IsMatch(v)));
        if (line.Contains('"', StringComparison.Ordinal))
        {
            facts.AddRange(EmergencyNumber().Matches(line).Select(m => m.Value));
        }

        facts.AddRange(Dialled().Matches(line).Select(m => m.Value));
        facts.AddRange(Citation().Matches(line).Select(m => m.Value));
        return facts;
    }

    private static IEnumerable<string> SourceFiles()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        string[] skipped = ["bin", "obj", "Migrations", "wwwroot"];
        return Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Where(p => !Path.GetRelativePath(src, p).Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part)))
            .Order(StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IncidentResponse.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("IncidentResponse.sln was not found above the test's folder.");
    }

    /// <summary>Two to five groups of digits joined by spaces, hyphens or dots, as phone numbers are written.</summary>
    [GeneratedRegex(@"(?<![\w.\-/])\+?\(?\d{1,4}\)?(?:[ .\-]\(?\d{2,4}\)?){1,4}(?![\w\-])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    /// <summary>The short numbers of emergency and crisis services, in a line that writes text.</summary>
    [GeneratedRegex(@"(?<![#\w.])(?:911|999|112|000|988|101|111)(?![\w%]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex EmergencyNumber();

    [GeneratedRegex(@"(?i)\b(?:call|dial|ring|text|tel:)\s*\+?\d{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex Dialled();

    [GeneratedRegex(@"U\.S\.C|§|\bPub\. ?L\b|\bArticle \d+|\bAct (?:of )?\d{4}\b|\bRegulation \(EU\)|\bC\.?F\.?R\b|\b[Ss]ection \d+[A-Z]?\b|\bs\.\s?\d+[A-Z]?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();
}
