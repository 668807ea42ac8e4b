using System.Collections.Concurrent;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// Two long-lived threads of their own for decoding and pixelating pictures (the police preset obscures every one:
/// tens of milliseconds of one core's work each, two at a time). On the thread pool that work held the few pool threads
/// (one per core) the instance's other requests were waiting for: `/health/live` p95 164 ms while a 200-picture binder
/// printed, 45 ms off the pool (issue 19, docs/performance.md). Long-lived rather than a thread per picture, which
/// measured 80 MiB more at the peak: each new thread's native allocations (Skia's decoded pixels) start a new malloc
/// arena. The BCL has no scheduler onto dedicated threads; this is the smallest one.
/// </summary>
public static class PictureThreads
{
    /// <summary>As many as the printer answers pictures at once (<c>ChromiumPdfPrinterOptions.MaxConcurrentResources</c>).</summary>
    public const int Count = 2;

    private static readonly BlockingCollection<Action> Work = Start();

    /// <summary>Runs <paramref name="work"/> on one of the threads; its result, exception or cancellation (if cancelled before it began).</summary>
    public static Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                done.TrySetResult(work());
            }
#pragma warning disable CA1031 // Whatever the work throws is handed to whoever awaits it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                done.TrySetException(exception);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    private static BlockingCollection<Action> Start()
    {
        var queue = new BlockingCollection<Action>();
        for (var i = 0; i < Count; i++)
        {
            new Thread(() =>
            {
                foreach (var item in queue.GetConsumingEnumerable())
                {
                    item();
                }
            })
            { IsBackground = true, Name = "Binder pictures" }.Start();
        }

        return queue;
    }
}
