using BenchmarkDotNet.Attributes;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Operator.Demo;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// PDQ hashing (all eight dihedral variants, from one decoding) of a 12-megapixel phone photo (4000×3000 JPEG) and of a
/// phone screenshot (1080×1920 JPEG), the sizes a person uploads. Run: ./build.sh bench '*Pdq*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class PdqBenchmarks
{
    private byte[] _photo = [];
    private byte[] _screenshot = [];

    [GlobalSetup]
    public void Setup()
    {
        _photo = DemoImages.ScreenshotJpeg(4000, 3000, 7);
        _screenshot = DemoImages.ScreenshotJpeg(1080, 1920, 8);
    }

    [Benchmark(Description = "PDQ of a 12-megapixel JPEG (4000x3000)")]
    public PdqHashes? Photo() => PdqHasher.Compute(new MemoryStream(_photo, writable: false));

    [Benchmark(Description = "PDQ of a 1080x1920 JPEG screenshot")]
    public PdqHashes? Screenshot() => PdqHasher.Compute(new MemoryStream(_screenshot, writable: false));
}
