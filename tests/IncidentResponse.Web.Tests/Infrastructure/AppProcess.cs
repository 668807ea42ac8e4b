using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>How one app process is configured: what an operator would put in its environment.</summary>
public sealed record AppProcessSettings(string PostgresConnectionString, string DataDirectory, string MasterKeyBase64)
{
    /// <summary>Applies migrations as it starts (start one such instance before the others).</summary>
    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>ASPNETCORE_ENVIRONMENT; anything but Development behaves as production does.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>Further configuration keys (with ':'), e.g. <c>Security:CookiesRequireHttps</c>.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A published app (<c>dotnet publish</c> output) to run instead of the build output: its own folder is the
    /// content root, as in the container image.
    /// </summary>
    public string? AppDirectory { get; init; }

    /// <summary>
    /// Runs the app as this user and group id (through <c>setpriv</c>, which needs root), with HOME and TMPDIR in its
    /// temp folder, as the container's non-root user.
    /// </summary>
    public int? RunAsUserId { get; init; }
}

/// <summary>
/// The built web app as a real child process (<c>dotnet IncidentResponse.Web.dll</c>, the Web project's build output
/// for this configuration), configured through environment variables on a free loopback port. Its console output is
/// kept for failure messages. Killing it kills the whole process tree, as a crash or an OOM kill would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private AppProcess(Process process, StringBuilder output, int port, AppProcessSettings settings)
    {
        _process = process;
        _output = output;
        Port = port;
        Settings = settings;
    }

    public int Port { get; }

    public Uri Address => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}"));

    public AppProcessSettings Settings { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The app's own process (the <c>dotnet</c> host runs the app in it), for reading its memory.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The Web project's build output for the configuration these tests were built in.</summary>
    public static string WebAssemblyPath
    {
        get
        {
            var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(RepositoryRoot, "src", "IncidentResponse.Web", "bin", configuration, "net10.0", "IncidentResponse.Web.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"The web app is not built at {path}; build the solution in {configuration} first.");
        }
    }

    /// <summary>The content root the app is started in (appsettings.json, wwwroot/), as when run from a checkout.</summary>
    public static string ContentRoot => Path.Combine(RepositoryRoot, "src", "IncidentResponse.Web");

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "IncidentResponse.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("IncidentResponse.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<AppProcess> StartAsync(AppProcessSettings settings, int? port = null)
    {
        var chosen = port ?? FreePort();
        var output = new StringBuilder();
        var process = Launch(settings, output, chosen, []);
        var app = new AppProcess(process, output, chosen, settings);
        try
        {
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Runs an operator command (<c>migrate</c>, <c>seed-demo …</c>) to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(AppProcessSettings settings, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Launch(settings, output, FreePort(), arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Ends the process at once and everything it started: no shutdown, no flushing, as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(30_000);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited ({_process.ExitCode}) before it was ready:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app was not ready within {limit}:\n{Output}");
    }

    /// <summary>The dotnet host running these tests, by its full path (another user has no PATH of ours).</summary>
    private static string DotnetHost =>
        System.Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "/usr/bin/dotnet";

    private static Process Launch(AppProcessSettings settings, StringBuilder output, int port, string[] arguments)
    {
        var dotnet = settings.RunAsUserId is null ? "dotnet" : DotnetHost;
        var start = new ProcessStartInfo(settings.RunAsUserId is null ? dotnet : "setpriv")
        {
            WorkingDirectory = settings.AppDirectory ?? ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (settings.RunAsUserId is { } uid)
        {
            // setpriv execs the app in its own process: the same process id, now without root's rights.
            foreach (var argument in new[] { $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--", dotnet })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(settings.AppDirectory is null ? WebAssemblyPath : Path.Combine(settings.AppDirectory, "IncidentResponse.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing inherited may change what the app reads (a developer's own ASPNETCORE_*/DOTNET_* settings).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        var temp = Path.Combine(settings.DataDirectory, "..", Path.GetFileName(settings.DataDirectory) + "-tmp");
        Directory.CreateDirectory(settings.DataDirectory);
        Directory.CreateDirectory(temp);
        if (settings.RunAsUserId is { } owner && OperatingSystem.IsLinux())
        {
            // The only places the app may write, as the image's /data volume and /tmp: its user's own, no one else's.
            foreach (var directory in new[] { settings.DataDirectory, temp })
            {
                using var chown = Process.Start("chown", ["-R", $"{owner}:{owner}", Path.GetFullPath(directory)]);
                chown.WaitForExit();
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = settings.Environment,
            ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["TMPDIR"] = Path.GetFullPath(temp),
            // No debugger pipes or diagnostic sockets in TMPDIR.
            ["DOTNET_EnableDiagnostics"] = "0",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = settings.PostgresConnectionString,
            ["Database__MigrateOnStartup"] = settings.MigrateOnStartup ? "true" : "false",
            ["Storage__DataDirectory"] = settings.DataDirectory,
            ["Security__MasterKey"] = settings.MasterKeyBase64,
            ["Security__AccountAttemptsPerMinute"] = "100000",
        };
        if (settings.RunAsUserId is not null)
        {
            environment["HOME"] = Path.GetFullPath(temp);
        }

        foreach (var (key, value) in settings.Extra)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Under load every request logs a line: keep the latest megabyte or so for failure messages.
            if (output.Length > 2_000_000)
            {
                output.Remove(0, output.Length - 1_000_000);
            }

            output.AppendLine(line);
        }
    }
}
