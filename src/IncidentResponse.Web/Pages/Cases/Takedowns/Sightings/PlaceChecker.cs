using System.Net;
using System.Net.Sockets;
using IncidentResponse.Domain.Incidents;

namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>What a re-check of a place found: the status code and final address, or why there is none.</summary>
public sealed record PlaceCheck(PlaceCheckOutcome Outcome, int? StatusCode, string FinalUrl, string? Reason)
{
    /// <summary>The place answers that the page is not there (404) or gone for good (410).</summary>
    public bool LooksGone => Outcome == PlaceCheckOutcome.Answered && StatusCode is 404 or 410;
}

/// <summary>
/// How places are re-checked: <c>PlaceChecks:Proxy</c> (an egress proxy, optional), the time a check may take, the user
/// agent sent. <see cref="TestEndpoints"/> lets the tests reach their own server on loopback; it is set only in code,
/// never from configuration.
/// </summary>
public sealed class PlaceCheckerOptions
{
    public Uri? Proxy { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Neutral: says nothing of this app, the case or the person.</summary>
    public string UserAgent { get; init; } = "Mozilla/5.0 (compatible; link-check)";

    public IReadOnlySet<IPEndPoint> TestEndpoints { get; init; } = new HashSet<IPEndPoint>();
}

/// <summary>
/// Visits a place's address (HEAD, then GET when HEAD is not answered well) and keeps only the status code and the final
/// address after redirects, never the content (issue 24). Safe against being turned on the server's own network (SSRF):
/// http and https on ports 80 and 443 only; every name resolved at connection time and refused when any address it
/// gives is not public (<see cref="PublicAddresses"/>), for the first request and after each redirect (three at most);
/// no cookies, no credentials, a neutral user agent, short timeouts. Through a proxy, names are resolved and checked
/// before each request (the proxy connects).
/// </summary>
public sealed class PlaceChecker : IDisposable
{
    public const int MaxRedirects = 3;

    private readonly PlaceCheckerOptions _options;
    private readonly HttpClient _client;

    public PlaceChecker(PlaceCheckerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            Credentials = null,
            PreAuthenticate = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            UseProxy = options.Proxy is not null,
            Proxy = options.Proxy is null ? null : new WebProxy(options.Proxy),
        };
        if (options.Proxy is null)
        {
            handler.ConnectCallback = ConnectAsync;
        }

        _client = new HttpClient(handler) { Timeout = options.Timeout };
    }

    public async Task<PlaceCheck> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var current))
        {
            return new PlaceCheck(PlaceCheckOutcome.Refused, null, url, PlaceCheckReasons.NotAWebAddress);
        }

        for (var redirects = 0; ; redirects++)
        {
            var refusal = Refusal(current) ?? await ProxiedRefusalAsync(current, cancellationToken);
            if (refusal is not null)
            {
                return new PlaceCheck(PlaceCheckOutcome.Refused, null, current.AbsoluteUri, refusal);
            }

            int status;
            Uri? location;
            try
            {
                (status, location) = await VisitAsync(current, cancellationToken);
            }
            catch (HttpRequestException exception) when (exception.InnerException is PlaceRefusedException refused)
            {
                return new PlaceCheck(PlaceCheckOutcome.Refused, null, current.AbsoluteUri, refused.Message);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or OperationCanceledException)
            {
                return new PlaceCheck(PlaceCheckOutcome.Failed, null, current.AbsoluteUri, exception is OperationCanceledException ? PlaceCheckReasons.TimedOut : PlaceCheckReasons.Unreachable);
            }

            if (location is null)
            {
                return new PlaceCheck(PlaceCheckOutcome.Answered, status, current.AbsoluteUri, null);
            }

            if (redirects == MaxRedirects)
            {
                return new PlaceCheck(PlaceCheckOutcome.Failed, status, current.AbsoluteUri, PlaceCheckReasons.TooManyRedirects);
            }

            current = new Uri(current, location);
        }
    }

    /// <summary>HEAD, and GET (headers only) when HEAD is refused or not understood; the status and any redirect.</summary>
    private async Task<(int Status, Uri? Location)> VisitAsync(Uri address, CancellationToken cancellationToken)
    {
        var status = 0;
        foreach (var method in new[] { HttpMethod.Head, HttpMethod.Get })
        {
            using var request = new HttpRequestMessage(method, address);
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Accept.ParseAdd("*/*");
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                return (status, location);
            }

            if (method == HttpMethod.Head && status is 400 or 403 or 405 or 501)
            {
                continue;
            }

            return (status, null);
        }

        return (status, null);
    }

    /// <summary>Why the address may not be visited as written, or null.</summary>
    private string? Refusal(Uri address)
    {
        if (address.Scheme is not ("http" or "https"))
        {
            return PlaceCheckReasons.NotHttp;
        }

        if (address.UserInfo.Length > 0)
        {
            return PlaceCheckReasons.HasUserInfo;
        }

        var standard = address.Port is 80 or 443;
        return standard || _options.TestEndpoints.Any(e => e.Port == address.Port) ? null : PlaceCheckReasons.NotStandardPort;
    }

    /// <summary>Through a proxy the proxy connects, so the name is resolved and checked here first.</summary>
    private async Task<string?> ProxiedRefusalAsync(Uri address, CancellationToken cancellationToken)
    {
        if (_options.Proxy is null)
        {
            return null;
        }

        try
        {
            await AllowedAddressesAsync(address.IdnHost, address.Port, cancellationToken);
            return null;
        }
        catch (PlaceRefusedException refused)
        {
            return refused.Message;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await AllowedAddressesAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Every address the name resolves to, when all of them may be visited; otherwise the whole name is refused.</summary>
    private async Task<IPAddress[]> AllowedAddressesAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0 || addresses.Any(a => !PublicAddresses.IsPublic(a) && !_options.TestEndpoints.Contains(new IPEndPoint(a, port))))
        {
            throw new PlaceRefusedException(PlaceCheckReasons.NotPublic);
        }

        return addresses;
    }

    public void Dispose() => _client.Dispose();

    private sealed class PlaceRefusedException(string message) : Exception(message);
}
