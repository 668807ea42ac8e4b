using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

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

    [Fact]
    public void The_web_root_is_polled_not_watched_with_inotify()
    {
        var root = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var physical = (root is CompositeFileProvider composite ? composite.FileProviders : [root]).OfType<PhysicalFileProvider>().ToList();

        Assert.NotEmpty(physical);
        Assert.All(physical, provider => Assert.True(provider.UsePollingFileWatcher, $"{provider.Root} is watched with inotify."));
    }
}
