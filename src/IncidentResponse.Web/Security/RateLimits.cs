using System.Threading.RateLimiting;
using IncidentResponse.Web.Hosting;

namespace IncidentResponse.Web.Security;

/// <summary>The named rate limits a page opts into with <c>[EnableRateLimiting(...)]</c>, each counted per person.</summary>
public static class RateLimits
{
    /// <summary>Sign-in, sign-up and passphrase attempts a person may make in a minute (<c>Security:AccountAttemptsPerMinute</c>).</summary>
    public const string Accounts = "accounts";

    /// <summary>Letter PDFs a person may ask for in a minute (<c>Printing:LetterPdfsPerMinute</c>), wherever they ask from.</summary>
    public const string LetterPdfs = "letter-pdfs";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration, AppOptions options)
    {
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.AddPolicy(Accounts, context => PerMinute(context, options.AccountAttemptsPerMinute));
            r.AddPolicy(LetterPdfs, context => PerMinute(context, configuration.GetValue("Printing:LetterPdfsPerMinute", 20)));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(HttpContext context, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(
            RateLimitPartitions.ForAccount(context),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
}
