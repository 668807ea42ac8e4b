using System.Net;
using FluentValidation;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Hosting;

/// <summary>The web server, the database and the pages: the parts of start-up that belong to no one room.</summary>
public static class HostingServices
{
    /// <summary>Kestrel and form limits, the proxies trusted to say who is asking, and HSTS outside development.</summary>
    public static void AddWebServer(this WebApplicationBuilder builder, AppOptions options)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxFormBodyBytes;
        });
        var services = builder.Services;
        services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = options.MaxFormBodyBytes;
            f.ValueLengthLimit = (int)Math.Min(options.MaxFormBodyBytes, int.MaxValue);
        });
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Only proxies on loopback are trusted by default; add others with ReverseProxy:KnownProxies.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        if (!builder.Environment.IsDevelopment())
        {
            services.AddHsts(h =>
            {
                h.MaxAge = TimeSpan.FromDays(365);
                h.IncludeSubDomains = true;
            });
        }
    }

    /// <summary>
    /// The one <see cref="AppDbContext"/> a request (scope) uses, on the configured provider, and the readiness check that
    /// asks it. Contexts are pooled (a new one's set-up was a tenth of a signed-in request; docs/performance.md): each is
    /// leased for one scope, reset to a new context's state (<see cref="AppDbContext.Leased"/>: private items hidden),
    /// and returned to the pool when the scope ends.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, AppOptions options)
    {
        services.AddPooledDbContextFactory<AppDbContext>(db => db.UseAppDatabase(options.Provider, options.ConnectionString));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext().Leased());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Razor Pages with the app-wide page filters in their order, antiforgery, and every validator.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services, AppOptions options)
    {
        services.AddSingleton<DatabaseUnavailableFilter>();
        services.AddRazorPages().AddViewLocalization().AddMvcOptions(mvc =>
        {
            // Outermost: a database that cannot be reached becomes a kind 503 page, whatever inner filter met it.
            mvc.Filters.Add(new ServiceFilterAttribute(typeof(DatabaseUnavailableFilter)) { Order = int.MinValue });

            // In this order: membership (404 for strangers) before step-up (re-enter your passphrase).
            mvc.Filters.Add(new ServiceFilterAttribute(typeof(CaseMembershipFilter)));
            mvc.Filters.Add(new ServiceFilterAttribute(typeof(RecentPassphraseFilter)));

            // The signed-in person's own time zone, for every time a page or document shows.
            mvc.Filters.Add(new ServiceFilterAttribute(typeof(LocalTimesFilter)));

            UseKindBindingMessages(mvc.ModelBindingMessageProvider);

            // FluentValidation says kindly what each form needs; without this, every non-nullable string left empty also
            // got the framework's "The Username field is required." beside our own words.
            mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        services.AddAntiforgery(a =>
        {
            a.Cookie.Name = options.CookiesRequireHttps ? "__Host-ir-af" : "ir-af";
            a.Cookie.SecurePolicy = options.CookiesRequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.HttpOnly = true;
            a.HeaderName = "X-CSRF-TOKEN";
            a.FormFieldName = "__rvt";
        });
        // Every IValidator<T> in this assembly, one per request like the pages that ask for them.
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        return services;
    }

    /// <summary>Something typed that cannot be read into its field's type gets kind words, never the framework's.</summary>
    private static void UseKindBindingMessages(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => ValidationExtensions.Unreadable);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => ValidationExtensions.Unreadable);
        messages.SetUnknownValueIsInvalidAccessor(_ => ValidationExtensions.Unreadable);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => ValidationExtensions.Unreadable);
        messages.SetValueIsInvalidAccessor(_ => ValidationExtensions.Unreadable);
        messages.SetValueMustBeANumberAccessor(_ => ValidationExtensions.Unreadable);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => ValidationExtensions.Unreadable);
    }
}
