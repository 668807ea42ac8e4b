namespace IncidentResponse.TestSupport;

/// <summary>
/// What keeps the apps the tests start from using inotify, of which Linux allows 128 instances per user: one per
/// watcher, and a test process starts dozens of apps. <see cref="Variable"/> stops an app from watching its
/// configuration files (<c>hostBuilder:reloadConfigOnChange</c>, read from <c>DOTNET_</c> environment variables before
/// the app's own configuration is built); <see cref="PollingVariable"/> makes every physical file provider (the web
/// root's, which <c>asp-append-version</c> watches) poll instead. Test fixtures set both before they start an app, and
/// the app processes the tests start inherit them.
/// </summary>
public static class NoConfigurationWatch
{
    public const string Variable = "DOTNET_hostBuilder__reloadConfigOnChange";

    public const string PollingVariable = "DOTNET_USE_POLLING_FILE_WATCHER";

    /// <summary>Sets both variables for this process and the processes it starts.</summary>
    public static void Apply()
    {
        Environment.SetEnvironmentVariable(Variable, "false");
        Environment.SetEnvironmentVariable(PollingVariable, "true");
    }
}
