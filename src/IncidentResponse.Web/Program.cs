using IncidentResponse.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddIncidentResponse();
var app = builder.Build();
app.UseIncidentResponse();

if (OperatorCommands.Find(args) is { } command)
{
    return await command(app);
}

await app.RunAsync();
return 0;

/// <summary>The web app's entry point; public so the tests can host the real thing.</summary>
public partial class Program;
