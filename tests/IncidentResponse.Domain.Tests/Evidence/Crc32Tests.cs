namespace IncidentResponse.Domain.Tests.Evidence;

public class Crc32Tests
{
    [Fact]
    public void The_test_helper_matches_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
}
