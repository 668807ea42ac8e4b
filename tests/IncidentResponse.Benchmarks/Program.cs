using BenchmarkDotNet.Running;

// One command: ./build.sh bench (or dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- --filter '*').
// Benchmarks print figures; they assert nothing.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
