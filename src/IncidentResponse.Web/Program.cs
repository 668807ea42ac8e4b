using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Operator;
using IncidentResponse.Web.Security;

// Before anything secret is in memory: no core dumps of the app or of the renderers it starts.
CoreDumps.TurnOff();

var builder = WebApplication.CreateBuilder(args);
builder.AddIncidentResponse();
var app = builder.Build();
app.UseIncidentResponse();

if (OperatorCommands.Find(args) is { } command)
{
    // Disposed before the process ends, so the log's background writer has written every line.
    await using (app)
    {
        return await command(app);
    }
}

await app.RunAsync();
return 0;

/// <summary>The web app's entry point; public so the tests can host the real thing.</summary>
public partial class Program;
