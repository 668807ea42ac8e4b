using System.Text.RegularExpressions;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The README's one run command, <c>./build.sh run</c>, brings up every feature on a fresh machine: it installs what the
/// app itself uses through the same function as the test command, and checks each tool where the app looks for it.
/// Nothing is started or installed: this reads build.sh, the README and the app's default paths.
/// </summary>
public sealed partial class RunCommandTests
{
    private static readonly string Build = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot, "build.sh"));

    [Fact]
    public void The_run_command_installs_what_the_app_uses_through_the_same_function_as_the_test_command()
    {
        Assert.Matches(RunBranch(), Build);
        var run = FunctionBody("run_app");
        Assert.Contains("add_missing_app_packages", run, StringComparison.Ordinal);
        Assert.Contains("install_missing", run, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/IncidentResponse.Web", run, StringComparison.Ordinal);

        var test = FunctionBody("ensure_machine");
        Assert.Contains("add_missing_app_packages", test, StringComparison.Ordinal);
        Assert.Contains("install_missing", test, StringComparison.Ordinal);
    }

    [Fact]
    public void The_install_checks_each_tool_where_the_app_looks_for_it()
    {
        var app = FunctionBody("add_missing_app_packages");

        Assert.Contains($"[ -x {ChromiumPdfPrinterOptions.DebianChromiumPath} ] || missing+=(chromium)", app, StringComparison.Ordinal);
        Assert.Contains($"[ -x {PdfFirstPage.DebianPath} ] || missing+=(poppler-utils)", app, StringComparison.Ordinal);
        Assert.Contains("missing+=(fonts-noto-cjk)", app, StringComparison.Ordinal);
    }

    [Fact]
    public void The_README_gives_build_sh_run_as_its_run_command()
    {
        var readme = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot, "README.md"));

        Assert.Matches(ReadmeRunCommand(), readme);
    }

    /// <summary>The lines between <c>name() {</c> and the next <c>}</c> at the start of a line.</summary>
    private static string FunctionBody(string name)
    {
        var match = Regex.Match(Build, "^" + Regex.Escape(name) + @"\(\) \{\n(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, "build.sh has no function " + name);
        return match.Groups["body"].Value;
    }

    [GeneratedRegex(@"^\s*run\)\s*run_app\s*;;", RegexOptions.Multiline)]
    private static partial Regex RunBranch();

    [GeneratedRegex(@"\*\*Run it\*\*[^\n]*\n\n```bash\n\./build\.sh run\n```")]
    private static partial Regex ReadmeRunCommand();
}
