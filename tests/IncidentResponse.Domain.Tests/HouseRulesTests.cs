using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace IncidentResponse.Domain.Tests;

/// <summary>
/// The size rules of ADR 0018, read from the code with Roslyn so they stay true without anyone remembering them: no C#
/// file under src/ over <see cref="MaxFileLines"/> lines (generated migrations, bin and obj aside), and no method,
/// constructor, accessor, operator or local function over <see cref="MaxMemberLines"/> lines unless the comment right
/// above it (above its doc comment and attributes, with no blank line between) starts <c>// Long because</c>.
/// A member's lines are the non-blank lines from its declaration to its closing brace, lambdas inside it included:
/// blank lines neither make a member long nor hide one. And <c>Web/Infrastructure</c>, the drawer issue 17 emptied,
/// stays gone; and nothing under src/ calls <c>GC.Collect</c> (issue 19).
/// </summary>
public sealed class HouseRulesTests
{
    public const int MaxFileLines = 400;
    public const int MaxMemberLines = 60;
    private const string Reason = "// Long because";

    [Fact]
    public void No_file_under_src_is_over_400_lines_and_no_method_over_60_without_a_reason_written_above_it()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = SourceFiles(src)
            .SelectMany(path => Offenders(Path.GetRelativePath(RepositoryRoot(), path), File.ReadAllText(path)))
            .ToList();

        Assert.True(offenders.Count == 0, $"Split these (ADR 0018), or write \"{Reason} ...\" right above a member that reads better whole:"
            + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void No_code_under_src_forces_a_garbage_collection()
    {
        // A forced collection pauses the whole web process, for everyone (issue 19): memory is bounded by design instead.
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = SourceFiles(src)
            .Where(path => ForcesCollection(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(RepositoryRoot(), path))
            .ToList();

        Assert.True(offenders.Count == 0, "GC.Collect is called in: " + string.Join(", ", offenders));
        Assert.True(ForcesCollection("class C { void M() => System.GC.Collect(2, System.GCCollectionMode.Forced); }"));
        Assert.False(ForcesCollection("class C { // GC.Collect is not called here\n int Collect() => 0; }"));
    }

    [Fact]
    public void The_web_project_has_no_Infrastructure_drawer()
    {
        Assert.False(
            Directory.Exists(Path.Combine(RepositoryRoot(), "src", "IncidentResponse.Web", "Infrastructure")),
            "src/IncidentResponse.Web/Infrastructure is back: put each file in the room ADR 0018 names for it.");
    }

    [Fact]
    public void A_member_over_60_lines_is_named_with_its_length_and_one_of_60_is_not()
    {
        Assert.Equal(["Example.cs:7: Example.Long() is 61 lines"], Offenders("Example.cs", Class(Method("Long", 61), Method("Fits", 60))));
    }

    [Fact]
    public void Blank_lines_neither_make_a_member_long_nor_hide_one()
    {
        Assert.Empty(Offenders("Example.cs", Class(Method("Padded", 50, blankEvery: 2))));
        Assert.Single(Offenders("Example.cs", Class(Method("LongWithBlanks", 61, blankEvery: 3))));
    }

    [Theory]
    [InlineData("// Long because a table of data reads better whole.\n", false)]
    [InlineData("// Long because the steps are the journey, in order,\n// and read better in one place.\n", false)]
    [InlineData("// Long because a table of data reads better whole.\n/// <summary>Doc.</summary>\n[Obsolete]\n", false)]
    [InlineData("// Long because a table of data reads better whole.\n\n", true)]
    [InlineData("// It is long because it is.\n", true)]
    [InlineData("/* Long because */\n", true)]
    public void Only_a_comment_starting_Long_because_right_above_the_member_excuses_it(string above, bool named)
    {
        var offenders = Offenders("Example.cs", Class(above + Method("Long", 70)));

        Assert.Equal(named, offenders.Count == 1);
    }

    [Fact]
    public void Constructors_accessors_and_local_functions_are_measured_too()
    {
        var body = string.Concat(Enumerable.Repeat("        Count++;\n", 65));
        var source = Class(
            $"public Example()\n    {{\n{body}    }}\n",
            $"public int Total\n    {{\n        get => 1;\n        set\n        {{\n{body}        }}\n    }}\n",
            $"public void Outer()\n    {{\n        Inner();\n        void Inner()\n        {{\n{body}        }}\n    }}\n");

        Assert.Equal(4, Offenders("Example.cs", source).Count);
    }

    [Fact]
    public void A_file_over_400_lines_is_named_and_generated_migrations_bin_and_obj_are_not_read()
    {
        var source = Class(Enumerable.Range(0, 40).Select(i => Method("M" + i, 10)).ToArray());

        var src = Path.Combine(RepositoryRoot(), "src");
        var separator = Path.DirectorySeparatorChar;

        Assert.Contains(Offenders("Big.cs", source), o => o.StartsWith("Big.cs: ", StringComparison.Ordinal));
        Assert.Contains(Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories), p => p.Contains($"{separator}Migrations{separator}", StringComparison.Ordinal));
        Assert.DoesNotContain(SourceFiles(src), p => p.Contains($"{separator}Migrations{separator}", StringComparison.Ordinal) || p.Contains($"{separator}obj{separator}", StringComparison.Ordinal));
    }

    /// <summary>"path: N lines" for a file over the line, "path:line: Type.Member is N lines" for each member over it.</summary>
    public static List<string> Offenders(string path, string source)
    {
        var text = SourceText.From(source);
        var offenders = new List<string>();
        var fileLines = text.Lines.Count - (source.EndsWith('\n') ? 1 : 0);
        if (fileLines > MaxFileLines)
        {
            offenders.Add($"{path}: {fileLines} lines");
        }

        var root = CSharpSyntaxTree.ParseText(text, path: path).GetRoot();
        foreach (var member in root.DescendantNodes().Where(IsMeasured))
        {
            var first = text.Lines.GetLineFromPosition(member.SpanStart).LineNumber;
            var last = text.Lines.GetLineFromPosition(member.Span.End).LineNumber;
            var length = Enumerable.Range(first, last - first + 1).Count(i => !string.IsNullOrWhiteSpace(text.Lines[i].ToString()));
            if (length > MaxMemberLines && !HasReasonAbove(text, first))
            {
                offenders.Add($"{path}:{first + 1}: {NameOf(member)} is {length} lines");
            }
        }

        return offenders;
    }

    private static bool IsMeasured(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
        || node is PropertyDeclarationSyntax { ExpressionBody: not null }
        || node is IndexerDeclarationSyntax { ExpressionBody: not null };

    /// <summary>Above the member's doc comment and attributes (no blank line between), a <c>//</c> comment starting the reason.</summary>
    private static bool HasReasonAbove(SourceText text, int declarationLine)
    {
        var line = declarationLine - 1;
        while (line >= 0 && IsDocOrAttribute(Trimmed(text, line)))
        {
            line--;
        }

        string? comment = null;
        while (line >= 0 && Trimmed(text, line) is var above && above.StartsWith("//", StringComparison.Ordinal) && !above.StartsWith("///", StringComparison.Ordinal))
        {
            comment = above;
            line--;
        }

        return comment?.StartsWith(Reason, StringComparison.Ordinal) == true;
    }

    private static bool IsDocOrAttribute(string line) => line.StartsWith("///", StringComparison.Ordinal) || line.StartsWith('[');

    private static string Trimmed(SourceText text, int line) => text.Lines[line].ToString().Trim();

    private static string NameOf(SyntaxNode member)
    {
        var type = member.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "(top level)";
        var name = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text + "()",
            ConstructorDeclarationSyntax => "constructor",
            LocalFunctionStatementSyntax l => l.Identifier.Text + "() (local function)",
            AccessorDeclarationSyntax a => $"{(a.Parent?.Parent as PropertyDeclarationSyntax)?.Identifier.Text ?? "this[]"}.{a.Keyword.Text}",
            PropertyDeclarationSyntax p => p.Identifier.Text,
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
            _ => member.Kind().ToString(),
        };
        return $"{type}.{name}";
    }

    private static bool ForcesCollection(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Any(m => m.Name.Identifier.Text == "Collect" && m.Expression.ToString() is "GC" or "System.GC");

    private static IEnumerable<string> SourceFiles(string directory)
    {
        string[] skipped = ["bin", "obj", "Migrations"];
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(directory, p).Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part)))
            .Order(StringComparer.Ordinal);
    }

    private static string Class(params string[] members) =>
        "namespace Example;\n\npublic class Example\n{\n    public int Count { get; set; }\n\n" + string.Join("\n", members.Select(m => "    " + m)) + "}\n";

    /// <summary>A method whose declaration to closing brace is <paramref name="lines"/> non-blank lines, with a blank line after every <paramref name="blankEvery"/> statements.</summary>
    private static string Method(string name, int lines, int blankEvery = 0)
    {
        var body = Enumerable.Range(0, lines - 3).Select(i => "        Count++;\n" + (blankEvery > 0 && i % blankEvery == 0 ? "\n" : ""));
        return $"public void {name}()\n    {{\n{string.Concat(body)}    }}\n";
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
}
