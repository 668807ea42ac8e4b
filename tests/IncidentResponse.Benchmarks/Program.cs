using BenchmarkDotNet.Running;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// One command: <c>./build.sh bench</c> (or <c>dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- --filter '*'</c>).
/// Benchmarks print figures; they assert nothing.
/// </summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
