using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// A background round run as the app starts and then every <see cref="Interval"/> (session cleanup, trusted
/// timestamps, place checks). A round that fails because the database is not ready yet (or is migrating, or a write
/// lost a race) is logged by its error's type alone and tried again at the next one; stopping the app ends it quietly.
/// </summary>
public abstract partial class PeriodicRound(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>Does one round's work.</summary>
    protected abstract Task RunRoundAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception) || exception is DbException or DbUpdateException or InvalidOperationException)
            {
                LogFailed(logger, GetType().Name, exception.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "{Round} failed ({ExceptionType}); it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, string round, string exceptionType);
}
