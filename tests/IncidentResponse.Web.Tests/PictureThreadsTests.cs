using IncidentResponse.Web.Pages.Cases.Binder;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The binder's picture work runs on threads of its own, never the thread pool's (issue 19), and hands back what the
/// work returned or threw.
/// </summary>
public sealed class PictureThreadsTests
{
    [Fact]
    public async Task Work_runs_off_the_thread_pool_on_long_lived_threads_and_gives_back_its_result()
    {
        var seen = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => PictureThreads.RunAsync(
            () => (Thread.CurrentThread.IsThreadPoolThread, Environment.CurrentManagedThreadId, Thread.CurrentThread.Name),
            CancellationToken.None)));

        Assert.All(seen, s => Assert.False(s.IsThreadPoolThread));
        Assert.All(seen, s => Assert.Equal("Binder pictures", s.Name));
        Assert.InRange(seen.Select(s => s.CurrentManagedThreadId).Distinct().Count(), 1, PictureThreads.Count);
    }

    [Fact]
    public async Task Two_pieces_of_work_run_at_once_and_no_more()
    {
        var running = 0;
        var most = 0;
        var gate = new Barrier(PictureThreads.Count);
        await Task.WhenAll(Enumerable.Range(0, PictureThreads.Count * 3).Select(_ => PictureThreads.RunAsync(
            () =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                gate.SignalAndWait(TimeSpan.FromSeconds(10));
                Thread.Sleep(20);
                Interlocked.Decrement(ref running);
                return 0;
            },
            CancellationToken.None)));

        Assert.Equal(PictureThreads.Count, most);
    }

    [Fact]
    public async Task An_exception_reaches_the_caller_and_a_cancelled_request_does_not_run()
    {
        var thrown = await Assert.ThrowsAsync<InvalidDataException>(() => PictureThreads.RunAsync<int>(() => throw new InvalidDataException("bad picture"), CancellationToken.None));
        Assert.Equal("bad picture", thrown.Message);

        var ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PictureThreads.RunAsync(() => ran = true, new CancellationToken(canceled: true)));
        Assert.False(ran);

        // The threads carry on after both.
        Assert.Equal(42, await PictureThreads.RunAsync(() => 42, CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
