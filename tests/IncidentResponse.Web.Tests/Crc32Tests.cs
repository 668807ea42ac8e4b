using IncidentResponse.Web.Operator.Demo;

namespace IncidentResponse.Web.Tests;

public class Crc32Tests
{
    [Fact]
    public void The_png_crc_matches_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, PngFile.Crc32("123456789"u8));
}
