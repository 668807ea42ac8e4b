using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>The apps the tests start are built as the fixtures intend.</summary>
public sealed class TestHostTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void The_app_reads_its_appsettings_files_without_watching_them()
    {
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file.Source.Path} is watched for changes."));
    }
}
