namespace IncidentResponse.TestSupport;

/// <summary>
/// The host setting that stops an app from watching its configuration files for changes
/// (<c>hostBuilder:reloadConfigOnChange</c>, read from <c>DOTNET_</c> environment variables before the app's own
/// configuration is built). Test fixtures set it to <c>false</c> before they start an app.
/// </summary>
public static class NoConfigurationWatch
{
    public const string Variable = "DOTNET_hostBuilder__reloadConfigOnChange";
}
