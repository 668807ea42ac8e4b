using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer(IncidentResponse.Web.Tests.Infrastructure.LongestFirst.TypeName, "IncidentResponse.Web.Tests")]

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// How long a test class takes, in seconds on the 2-core machine, for the few that take far longer than the rest: see
/// <see cref="LongestFirst"/>. A rough figure is enough; it only decides which classes start first.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RunsLongAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Starts the longest test classes first. xunit runs two classes at a time here (one per core) in an order of its own;
/// when it happened to start the four-minute privacy oracle last, one core sat idle for the suite's last two minutes.
/// Starting the long ones first lets the many short classes fill the gaps at the end instead. Classes not marked
/// <see cref="RunsLongAttribute"/> keep xunit's own order after them.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public const string TypeName = "IncidentResponse.Web.Tests.Infrastructure.LongestFirst";

    /// <summary>xunit names the collection it makes for each class without one of its own after the class.</summary>
    private const string ClassCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer().OrderTestCollections(testCollections)
            .OrderByDescending(c => Seconds(c.DisplayName));

    /// <summary>The <see cref="RunsLongAttribute"/> seconds of the class a collection was made for, or 0.</summary>
    public static int Seconds(string collectionName)
    {
        if (!collectionName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal))
        {
            return 0;
        }

        var type = typeof(LongestFirst).Assembly.GetType(collectionName[ClassCollectionPrefix.Length..]);
        return type?.GetCustomAttribute<RunsLongAttribute>(inherit: true)?.Seconds ?? 0;
    }
}
