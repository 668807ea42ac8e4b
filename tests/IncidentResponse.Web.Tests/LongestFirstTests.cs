using IncidentResponse.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace IncidentResponse.Web.Tests;

/// <summary>The long classes are found by the collections xunit itself makes for them, and start first.</summary>
public sealed class LongestFirstTests
{
    [Fact]
    public void The_collections_xunit_makes_for_long_classes_start_first_longest_first()
    {
        var factory = new CollectionPerClassTestCollectionFactory(
            new TestAssembly(Reflector.Wrap(typeof(LongestFirstTests).Assembly)), new NullMessageSink());
        ITestCollection For(Type type) => factory.Get(Reflector.Wrap(type));
        var quick = For(typeof(LongestFirstTests));
        var oracle = For(typeof(PrivacyOracleTestsOnPostgres));
        var letters = For(typeof(LetterPrivacyTestsOnSqlite));

        var order = new LongestFirst().OrderTestCollections([quick, letters, oracle]).ToList();

        Assert.Equal([oracle, letters, quick], order);
        Assert.Equal(0, LongestFirst.Seconds(quick.DisplayName));
        Assert.True(LongestFirst.Seconds(oracle.DisplayName) > LongestFirst.Seconds(letters.DisplayName));
    }
}
