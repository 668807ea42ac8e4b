using System.Runtime.InteropServices;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// The environment the document renderers (Playwright's driver, Chromium, poppler's pdftoppm) start with: nothing of
/// the app's own (no connection strings, no master key, nothing an operator put in the environment), only a PATH, a
/// HOME of their own in a private temporary folder (mode 0700), a UTF-8 locale, and the font and temp settings an
/// operator set for them. A renderer that is ever compromised by a hostile document finds no secret in its environment.
/// </summary>
public static class RendererEnvironment
{
    /// <summary>Passed through from the app's environment when set: where fonts and temporary files are, nothing secret.</summary>
    private static readonly string[] PassedThrough = ["TMPDIR", "FONTCONFIG_PATH", "FONTCONFIG_FILE", "TZ"];

    private static readonly Lazy<string> LazyHome = new(CreatePrivateHome);

    /// <summary>The renderers' own HOME: a private folder under the temporary directory, made on first use.</summary>
    public static string Home => LazyHome.Value;

    /// <summary>Every variable a renderer gets.</summary>
    public static IReadOnlyDictionary<string, string> Variables()
    {
        var home = Home;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"),
            ["LANG"] = "C.UTF-8",
        };
        foreach (var name in PassedThrough)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    /// <summary>Replaces <paramref name="start"/>'s inherited environment with <see cref="Variables"/>.</summary>
    public static void Apply(System.Diagnostics.ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.Environment.Clear();
        foreach (var (name, value) in Variables())
        {
            start.Environment[name] = value;
        }
    }

    /// <summary>
    /// Playwright starts its driver (node) with the app's whole environment and offers no way to change that. On Linux
    /// it runs the node named by <c>PLAYWRIGHT_NODEJS_PATH</c>, so that names a small script in the private HOME that
    /// starts the real node with <see cref="Variables"/> only (plus Playwright's own <c>PW_</c> settings). Chromium, started
    /// by the driver, then inherits nothing of the app's either. False (nothing changed) elsewhere or without the driver.
    /// </summary>
    public static bool RouteDriverThroughCleanEnvironment()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var realNode = Environment.GetEnvironmentVariable("IR_PLAYWRIGHT_REAL_NODE") ?? BundledNodePath();
        if (realNode is null || !File.Exists(realNode))
        {
            return false;
        }

        var script = Path.Combine(Home, "node-clean-env");
        var assignments = string.Join(' ', Variables().Select(v => v.Key + "=" + Quote(v.Value)));
        File.WriteAllText(
            script,
            "#!/bin/sh\n"
            + "exec /usr/bin/env -i " + assignments
            + " PW_LANG_NAME=\"$PW_LANG_NAME\" PW_LANG_NAME_VERSION=\"$PW_LANG_NAME_VERSION\" PW_CLI_DISPLAY_VERSION=\"$PW_CLI_DISPLAY_VERSION\" "
            + Quote(realNode) + " \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // The real node is remembered, so a second printer in the same process does not wrap the wrapper.
        Environment.SetEnvironmentVariable("IR_PLAYWRIGHT_REAL_NODE", realNode);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH", script);
        return true;
    }

    private static string? BundledNodePath()
    {
        if (Environment.GetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH") is { Length: > 0 } configured
            && !configured.EndsWith("node-clean-env", StringComparison.Ordinal))
        {
            return configured;
        }

        var platform = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        foreach (var root in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(Microsoft.Playwright.Playwright).Assembly.Location) ?? "" })
        {
            var node = Path.Combine(root, ".playwright", "node", platform, "node");
            if (File.Exists(node))
            {
                return node;
            }
        }

        return null;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string CreatePrivateHome()
    {
        var home = Path.Combine(Path.GetTempPath(), "ir-renderer-" + Guid.NewGuid().ToString("N")[..12]);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(home);
        }
        else
        {
            Directory.CreateDirectory(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return home;
    }
}
