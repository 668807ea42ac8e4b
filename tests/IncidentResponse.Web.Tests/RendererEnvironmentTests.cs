using System.Net;
using System.Text;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentResponse.Web.Tests;

/// <summary>An app with a secret-looking variable in its environment, planted before it (and its printer) starts.</summary>
public sealed class CanaryEnvironmentApp : SqliteApp
{
    public const string Name = "IR_TEST_CANARY_SECRET";

    public CanaryEnvironmentApp() => Environment.SetEnvironmentVariable(Name, Value);

    public string Value { get; } = "renderer-canary-" + Guid.NewGuid().ToString("N");
}

/// <summary>The renderers start with a cleared environment and leave no core dumps.</summary>
public sealed class RendererEnvironmentTests(CanaryEnvironmentApp app) : IClassFixture<CanaryEnvironmentApp>
{
    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Chromium_and_its_driver_hold_no_variable_of_the_apps_and_no_core_dumps_while_printing()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var letterUrl = await FairPrintingTests<CanaryEnvironmentApp>.DraftLetterAsync(owner, caseId);
        Assert.Equal(app.Value, Environment.GetEnvironmentVariable(CanaryEnvironmentApp.Name));

        using var pdf = await owner.Http.GetAsync($"{letterUrl}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);

        // The browser is kept warm after printing: its processes (and the driver's) are still there to look at.
        var renderers = Descendants(Environment.ProcessId)
            .Select(pid => (Pid: pid, Command: Read($"/proc/{pid}/cmdline").Replace('\0', ' ')))
            .Where(p => p.Command.Contains("chromium", StringComparison.Ordinal) || p.Command.Contains("run-driver", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(renderers, p => p.Command.Contains("run-driver", StringComparison.Ordinal));
        Assert.Contains(renderers, p => p.Command.Contains("--type=zygote", StringComparison.Ordinal));
        foreach (var (pid, isChild) in renderers.Select(r => (r.Pid, r.Command.Contains("--type=", StringComparison.Ordinal))))
        {
            var environment = Read($"/proc/{pid}/environ");
            if (environment.Length == 0)
            {
                continue; // It ended while we looked.
            }

            Assert.DoesNotContain(app.Value, environment, StringComparison.Ordinal);
            Assert.DoesNotContain(CanaryEnvironmentApp.Name, environment, StringComparison.Ordinal);
            Assert.DoesNotContain("ASPNETCORE_", environment, StringComparison.Ordinal);
            if (!isChild)
            {
                // The driver and the browser itself (Chromium's helpers write their titles over this memory).
                Assert.Contains("HOME=" + RendererEnvironment.Home + "\0", environment, StringComparison.Ordinal);
            }

            Assert.Matches(@"Max core file size\s+0\s+0", Read($"/proc/{pid}/limits"));
        }
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Pdftoppm_starts_with_only_the_renderer_environment()
    {
        // A stand-in for pdftoppm that answers with its own environment instead of a picture.
        var tool = Path.Combine(app.DataDirectory, "fake-pdftoppm");
        await File.WriteAllTextAsync(tool, "#!/bin/sh\ncat > /dev/null\nenv\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var drawer = new PdfFirstPage(tool, NullLogger<PdfFirstPage>.Instance);

        var answer = await drawer.DrawAsync(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4 not really")), CancellationToken.None);

        var environment = Encoding.UTF8.GetString(answer!);
        Assert.DoesNotContain(app.Value, environment, StringComparison.Ordinal);
        Assert.Contains("HOME=" + RendererEnvironment.Home + "\n", environment, StringComparison.Ordinal);
        Assert.Contains("PATH=/usr/local/bin:/usr/bin:/bin\n", environment, StringComparison.Ordinal);
        Assert.DoesNotContain("ASPNETCORE_", environment, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_turned_core_dumps_off_at_start_up()
    {
        Assert.NotNull(app.Services);
        Assert.Equal(0UL, CoreDumps.CoreLimit());
        Assert.Matches(@"Max core file size\s+0\s+0", Read("/proc/self/limits"));
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Every process whose chain of parents reaches <paramref name="root"/>.</summary>
    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            var stat = Read(Path.Combine(directory, "stat"));
            var afterName = stat.LastIndexOf(')');
            if (afterName < 0)
            {
                continue;
            }

            var fields = stat[(afterName + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], out var parent))
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        foreach (var pid in parents.Keys)
        {
            for (var at = pid; parents.TryGetValue(at, out var parent) && at > 1; at = parent)
            {
                if (parent == root)
                {
                    found.Add(pid);
                    break;
                }
            }
        }

        return found;
    }
}
