using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Debian's nginx, started as a foreground child process with the production config from <c>deploy/nginx.conf</c>:
/// only its upstream ports, listen ports, certificate (a fresh self-signed one for 127.0.0.1) and log path are
/// replaced. TLS ends at nginx as in production, so the app sees HTTPS only through X-Forwarded-Proto.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private static readonly string[] TempKinds = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"];

    private readonly Process _process;
    private readonly StringBuilder _output;

    private readonly byte[] _certificate;

    private NginxProxy(Process process, StringBuilder output, string directory, int httpsPort, int httpPort, byte[] certificate)
    {
        _certificate = certificate;
        _process = process;
        _output = output;
        Directory = directory;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
    }

    public string Directory { get; }

    public int HttpsPort { get; }

    public int HttpPort { get; }

    public Uri Address => new(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{HttpsPort}"));

    public string AccessLog => File.Exists(Path.Combine(Directory, "access.log")) ? File.ReadAllText(Path.Combine(Directory, "access.log")) : "";

    public static string Executable => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx"
        : throw new InvalidOperationException("nginx is not installed: apt-get install nginx (./build.sh test does).");

    /// <summary>deploy/nginx.conf with the test's ports and paths: every replaced line must exist, so the config cannot drift from the test.</summary>
    public static string Render(string template, string directory, int httpsPort, int httpPort, params int[] upstreamPorts)
    {
        var upstreams = string.Join("\n    ", upstreamPorts.Select(p => string.Create(CultureInfo.InvariantCulture, $"server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;")));
        var replacements = new (string From, string To)[]
        {
            ("server 127.0.0.1:8081 max_fails=1 fail_timeout=10s;\n    server 127.0.0.1:8082 max_fails=1 fail_timeout=10s;", upstreams),
            ("listen 80;\n    listen [::]:80;", string.Create(CultureInfo.InvariantCulture, $"listen 127.0.0.1:{httpPort};")),
            ("listen 443 ssl;\n    listen [::]:443 ssl;", string.Create(CultureInfo.InvariantCulture, $"listen 127.0.0.1:{httpsPort} ssl;")),
            ("/etc/ssl/incidentresponse/fullchain.pem", Path.Combine(directory, "cert.pem")),
            ("/etc/ssl/incidentresponse/privkey.pem", Path.Combine(directory, "key.pem")),
            ("/var/log/nginx/incidentresponse.access.log", Path.Combine(directory, "access.log")),
        };
        var text = template.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var (from, to) in replacements)
        {
            if (!text.Contains(from, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"deploy/nginx.conf no longer contains '{from}'; update NginxProxy.Render with it.");
            }

            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    public static async Task<NginxProxy> StartAsync(params int[] upstreamPorts)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ir-nginx-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var certificate = WriteSelfSignedCertificate(directory);
        var httpsPort = AppProcess.FreePort();
        var httpPort = AppProcess.FreePort();
        var site = Render(
            await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot, "deploy", "nginx.conf")), directory, httpsPort, httpPort, upstreamPorts);
        await File.WriteAllTextAsync(Path.Combine(directory, "site.conf"), site);
        // The main file Debian's /etc/nginx/nginx.conf would be, with every path inside the test's directory.
        var temp = string.Join("\n", TempKinds
            .Select(t => $"    {t}_temp_path {Path.Combine(directory, t)};"));
        var main = $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            error_log {{Path.Combine(directory, "error.log")}} warn;
            events { worker_connections 512; }
            http {
            {{temp}}
                include {{Path.Combine(directory, "site.conf")}};
            }
            """;
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, main);

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-e", Path.Combine(directory, "error.log"), "-c", config, "-p", directory, "-g", $"daemon off; pid {Path.Combine(directory, "nginx.pid")};" })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new NginxProxy(process, output, directory, httpsPort, httpPort, certificate);
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    /// <summary>A handler that trusts this proxy's self-signed certificate and nothing else.</summary>
    public HttpClientHandler CreateHandler()
    {
        var certificate = _certificate;
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawData.AsSpan().SequenceEqual(certificate),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp directories.
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, HttpsPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        var log = File.Exists(Path.Combine(Directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(Directory, "error.log")) : "";
        string output;
        lock (_output)
        {
            output = _output.ToString();
        }

        throw new InvalidOperationException($"nginx did not start:\n{output}\n{log}");
    }

    private static byte[] WriteSelfSignedCertificate(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate.RawData;
    }
}
