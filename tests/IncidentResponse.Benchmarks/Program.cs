using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// One command: <c>./build.sh bench</c> (or <c>dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- --filter '*'</c>).
/// Benchmarks print figures; they assert nothing. They run in-process: BenchmarkDotNet's generated project could not
/// restore the Identity packages our feed lacks (TOOLCHAIN gotcha A).
/// </summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args)
    {
        // The binder takes minutes per run, longer than BenchmarkDotNet's in-process toolchain allows: timed by hand.
        if (args is ["binder", ..])
        {
            BinderBenchmarks.MeasureAsync().GetAwaiter().GetResult();
            return;
        }

        // The binder's memory in the app as its own process, downloaded over HTTP (BinderAppBenchmark).
        if (args is ["binder-app", ..])
        {
            BinderAppBenchmark.RunAsync(args).GetAwaiter().GetResult();
            return;
        }

        // Quick exit in Chromium, press to neutral page painted (QuickExitBenchmark).
        if (args is ["quick-exit", ..])
        {
            QuickExitBenchmark.RunAsync(args).GetAwaiter().GetResult();
            return;
        }

        // Many requests at once against the app as a process: wrk, timed by wrk (LoadBenchmark).
        if (args is ["load", ..])
        {
            LoadBenchmark.RunAsync(args).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly)
            .Run(args, DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault()));
    }
}
