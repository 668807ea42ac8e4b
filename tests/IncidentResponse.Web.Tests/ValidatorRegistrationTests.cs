using FluentValidation;
using IncidentResponse.Web.Pages.Account;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// FluentValidation's own scan registers every validator the app holds, one instance per request, as the hand-written
/// scan it replaced did: a validator it would skip (an internal one) fails here, not on a survivor's form.
/// </summary>
public sealed class ValidatorRegistrationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Every_validator_in_the_app_is_registered_once_per_request()
    {
        var validated = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Distinct()
            .ToList();
        Assert.Contains(typeof(IValidator<SignUpModel.InputModel>), validated);

        using var request = app.Services.CreateScope();
        using var another = app.Services.CreateScope();
        Assert.All(validated, service =>
        {
            var validator = request.ServiceProvider.GetService(service);
            Assert.NotNull(validator);
            Assert.Same(validator, request.ServiceProvider.GetRequiredService(service));
            Assert.NotSame(validator, another.ServiceProvider.GetRequiredService(service));
        });
    }
}
